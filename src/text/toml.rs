//! A TOML syntax error as `toml` and `cargo` show it: the message, then the offending line
//! with a caret under the character, on lines of their own so the caret stays in its column.

/// `what: TOML parse error at line L, column C`, then the source line and a caret under
/// column C, then what is wrong. The line is shown with its tabs and control characters as
/// single spaces, so the caret lands under the character whatever the terminal does.
pub fn syntax_error(what: &str, text: &str, e: &toml::de::Error) -> String {
    let reason = e.message().trim_end();
    let Some(span) = e.span() else {
        return format!("{what}: {reason}");
    };
    let start = span.start.min(text.len());
    let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let line_end = text[start..].find('\n').map(|i| start + i).unwrap_or(text.len());
    let number = text[..line_start].matches('\n').count() + 1;
    let line: String = text[line_start..line_end]
        .trim_end_matches('\r')
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let column = text[line_start..start].chars().count();
    let gutter = " ".repeat(number.to_string().len());
    format!(
        "{what}: TOML parse error at line {number}, column {}\n{gutter} |\n{number} | {line}\n{gutter} | {}^\n{reason}",
        column + 1,
        " ".repeat(column)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caret_column(msg: &str) -> (usize, char) {
        let lines: Vec<&str> = msg.lines().collect();
        let src = lines.iter().position(|l| l.starts_with("3 | ")).expect("the source line");
        let caret = lines[src + 1].find('^').expect("a caret under it");
        (caret, lines[src].chars().nth(caret).unwrap())
    }

    #[test]
    fn the_caret_stands_under_the_offending_character() {
        let text = "name = \"x\"\ntitle = \"t\"\nstart = = \"a\"\n";
        let e = toml::from_str::<toml::Table>(text).unwrap_err();
        let msg = syntax_error("f.toml: not a valid runbook file", text, &e);
        assert!(msg.starts_with("f.toml: not a valid runbook file: TOML parse error at line 3, column 9\n"), "{msg}");
        assert_eq!(caret_column(&msg), (12, '='), "{msg}");
        assert!(msg.ends_with("expected nothing") || msg.contains("extra `=`"), "{msg}");
    }

    #[test]
    fn a_tab_before_the_error_keeps_the_caret_in_its_column() {
        let text = "a = 1\nb = 2\n\tc = = 3\n";
        let e = toml::from_str::<toml::Table>(text).unwrap_err();
        let msg = syntax_error("f", text, &e);
        assert_eq!(caret_column(&msg).1, '=', "{msg}");
    }
}
