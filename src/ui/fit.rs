//! Tables that fit the terminal without breaking a word: comfy-table wraps a cell at spaces,
//! but splits a word longer than its column (`visibility-covers-backof` / `f`). Each column
//! is given a lower bound of its longest word (a line that is a command, `masst ...`, counts as
//! one word in a column of commands: it stays on one line), and a table whose bounds do not fit says so, so the caller can lay
//! its content out another way (commands under the table, a row as a block).

use comfy_table::{ColumnConstraint, Table, Width};

/// The narrowest a column may be: its longest word; in a column in `whole`, a line that is a
/// command (`masst ...`) is one word.
fn least(t: &Table, col: usize, whole: bool) -> u16 {
    let header = t.header().and_then(|h| h.cell_iter().nth(col)).map(|c| c.content());
    let cells = t.column_cells_iter(col).flatten().map(|c| c.content());
    header
        .into_iter()
        .chain(cells)
        .flat_map(|text| {
            text.lines()
                .flat_map(|l| {
                    if whole && l.starts_with("masst ") {
                        vec![l.to_string()]
                    } else {
                        l.split_whitespace().map(String::from).collect()
                    }
                })
                .collect::<Vec<_>>()
        })
        .map(|w| console::measure_text_width(&w) as u16)
        .max()
        .unwrap_or(1)
}

/// Gives every column a lower bound of its longest unbreakable text (`whole` lists the columns
/// of commands), and answers whether the table then fits `width` columns.
pub fn keep_words(t: &mut Table, whole: &[usize], width: u16) -> bool {
    let n = t.column_count();
    let mut total: u32 = n as u32 + 1; // the borders
    for i in 0..n {
        let w = least(t, i, whole.contains(&i));
        total += u32::from(w) + 2;
        if let Some(c) = t.column_mut(i) {
            // comfy-table's bound counts the column's padding (one space each side).
            c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w + 2)));
        }
    }
    total <= u32::from(width)
}

/// Whether every line of `text` fits `width` columns.
pub fn fits(text: &str, width: u16) -> bool {
    text.lines().all(|l| console::measure_text_width(l) <= usize::from(width))
}
