//! Plain text helpers every layer shares: escaping what came from outside for a terminal,
//! numbers and durations as an engineer writes them. They live at the bottom of the house so
//! that the AWS edge and the evidence can use them without reaching up into the printer.

pub mod toml;

/// Text that came from AWS or a file, made safe for a terminal: control characters, escape
/// sequences and bidirectional overrides are shown escaped (`\x1b`, `\u{202e}`), never sent as
/// they are, so a DLQ body cannot move the cursor, recolour the screen or reverse what is read.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if !unsafe_char(c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x80 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Formats a number as an engineer reads it: integers without a decimal point, others to
/// four significant decimals at most.
pub fn fmt_num(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n.is_infinite() {
        return if n > 0.0 { "∞".into() } else { "-∞".into() };
    }
    if (n - n.round()).abs() < 1e-9 && n.abs() < 1e15 {
        return format!("{}", n.round() as i64);
    }
    let s = format!("{n:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Parses a duration such as `90s`, `6m` or `1h` (jiff's friendly format).
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let d: jiff::SignedDuration = text
        .parse()
        .or_else(|_| text.parse::<jiff::Span>().and_then(|s| s.to_duration(jiff::SpanRelativeTo::days_are_24_hours())))
        .map_err(|e| format!("`{text}` is not a duration such as 90s, 6m or 1h ({e})"))?;
    std::time::Duration::try_from(d)
        .ok()
        .filter(|d| d.as_secs() >= 1 && d.as_secs() <= 24 * 3600)
        .ok_or_else(|| format!("`{text}` must be between 1s and 24h"))
}

/// The first letter upper-cased: model keys become placeholder names (`{Sonnet}`) and alarm
/// names.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_and_bidi_overrides_are_shown_escaped() {
        assert_eq!(super::escape("plain ünïcode"), "plain ünïcode");
        assert_eq!(super::escape("a\u{1b}[31mred\u{202e}evil\nline"), "a\\x1b[31mred\\u{202e}evil\\nline");
        assert_eq!(super::escape("\u{9b}2J"), "\\u{9b}2J");
    }
}
