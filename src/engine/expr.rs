//! Conditions and derived values are CEL expressions (the `cel` crate), never a home-made parser.
//!
//! CEL gives the engine three-valued logic for free: a signal with no data is simply not bound,
//! and CEL's commutative `||`/`&&` still decide `missing || true` while anything that really
//! depends on the missing value fails, which the walk reports as *unknown*.

use crate::text::fmt_num;
use std::collections::BTreeMap;

use cel::{Context, ExecutionError, Program, Value};

/// A typed value a signal resolves to; what CEL sees and what the printer shows.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum SigValue {
    Num(f64),
    Bool(bool),
    Text(String),
    List(Vec<f64>),
}

impl SigValue {
    fn to_cel(&self) -> Value {
        match self {
            SigValue::Num(n) => Value::Float(*n),
            SigValue::Bool(b) => Value::Bool(*b),
            SigValue::Text(s) => Value::from(s.as_str()),
            SigValue::List(v) => Value::from(v.iter().map(|x| Value::Float(*x)).collect::<Vec<_>>()),
        }
    }

    /// Human form: numbers trimmed of float noise, lists shown in full.
    pub fn display(&self) -> String {
        match self {
            SigValue::Num(n) => fmt_num(*n),
            SigValue::Bool(b) => b.to_string(),
            SigValue::Text(s) => format!("{s:?}"),
            SigValue::List(v) => {
                let items: Vec<String> = v.iter().map(|x| fmt_num(*x)).collect();
                format!("[{}]", items.join(", "))
            }
        }
    }
}

/// A compiled CEL expression with its source kept for messages and display.
pub struct Expr {
    pub source: String,
    program: Program,
}

impl std::fmt::Debug for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Expr({:?})", self.source)
    }
}

/// What evaluating an expression gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Eval {
    Value(SigValue),
    /// Could not be decided; the string says why (which inputs were missing, or the error).
    Unknown(String),
}

/// The largest expression masst compiles, in characters.
pub const MAX_CHARS: usize = 2_000;
/// The most operators, calls and field accesses one expression may chain.
pub const MAX_TERMS: usize = 200;
/// The deepest nesting of parentheses, brackets and braces.
pub const MAX_DEPTH: usize = 32;

/// Checks an expression's size before CEL parses it: CEL's parser and evaluator recurse once
/// per operator, so an expression of thousands of chained terms would overflow the stack. The
/// limits are far above any runbook condition and are stated in the refusal.
pub fn check_size(source: &str) -> Result<(), String> {
    let chars = source.chars().count();
    if chars > MAX_CHARS {
        return Err(format!("is {chars} characters long; the limit is {MAX_CHARS}: split it into derived signals"));
    }
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut terms = 0usize;
    let mut prev = ' ';
    let mut in_string: Option<char> = None;
    for c in source.chars() {
        if let Some(q) = in_string {
            if c == q && prev != '\\' {
                in_string = None;
            }
            prev = c;
            continue;
        }
        match c {
            '"' | '\'' => in_string = Some(c),
            '(' | '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            '+' | '-' | '*' | '/' | '%' | '<' | '>' | '?' | ',' => terms += 1,
            '&' | '|' | '=' if prev != c => terms += 1,
            '.' if !prev.is_ascii_digit() => terms += 1,
            _ => {}
        }
        prev = c;
    }
    if deepest > MAX_DEPTH {
        return Err(format!("nests {deepest} levels deep; the limit is {MAX_DEPTH}"));
    }
    if terms > MAX_TERMS {
        return Err(format!(
            "chains {terms} operators, calls or fields; the limit is {MAX_TERMS}: split it into derived signals"
        ));
    }
    Ok(())
}

impl Expr {
    /// Compiles `source` after checking its size, returning CEL's own parse message on failure.
    pub fn compile(source: &str) -> Result<Self, String> {
        check_size(source)?;
        let program = Program::compile(source).map_err(|e| e.to_string())?;
        Ok(Expr { source: source.to_string(), program })
    }

    /// Every identifier the expression mentions, including macro-bound names such as the `x`
    /// of `xs.filter(x, ...)`; callers intersect it with the signals they know.
    /// They come in order of first appearance in the source, so evidence is always shown in
    /// the order the author wrote it.
    pub fn identifiers(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.program.references().variables().into_iter().map(String::from).collect();
        ids.sort_by_key(|id| (first_word_at(&self.source, id), id.clone()));
        ids
    }

    /// Runs the expression with `vars` bound; unbound names are simply absent.
    pub fn eval(&self, vars: &BTreeMap<String, SigValue>) -> Result<SigValue, ExecError> {
        let mut ctx = Context::default();
        for (k, v) in vars {
            ctx.add_variable_from_value(k.clone(), v.to_cel());
        }
        let _ = ctx.add_function("pow", |a: f64, b: f64| a.powf(b));
        let _ = ctx.add_function("maximum", |a: f64, b: f64| a.max(b));
        let _ = ctx.add_function("minimum", |a: f64, b: f64| a.min(b));
        match self.program.execute(&ctx) {
            Ok(v) => from_cel(&v).ok_or_else(|| ExecError::Type(format!("{v:?}"))),
            Err(ExecutionError::UndeclaredReference(name)) => Err(ExecError::Undeclared(name.to_string())),
            // CEL has no ordering for NaN, and says so as a missing overload: say it in words.
            Err(ExecutionError::NoSuchOverload(_)) if vars.values().any(not_finite) || self.source.contains('/') => {
                Err(ExecError::Other(
                    "an operand is not a finite number (NaN or infinity, e.g. a division by zero), so it cannot be compared"
                        .into(),
                ))
            }
            Err(e) => Err(ExecError::Other(e.to_string())),
        }
    }
}

fn not_finite(v: &SigValue) -> bool {
    match v {
        SigValue::Num(n) => !n.is_finite(),
        SigValue::List(xs) => xs.iter().any(|x| !x.is_finite()),
        _ => false,
    }
}

/// Why an expression failed to run.
#[derive(Debug, Clone, PartialEq)]
pub enum ExecError {
    /// A name was not bound: a missing signal at walk time, a typo at validation time.
    Undeclared(String),
    /// The expression ran but gave a value the engine has no use for (a map, bytes, ...).
    Type(String),
    Other(String),
}

impl std::fmt::Display for ExecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExecError::Undeclared(n) => write!(f, "no value for `{n}`"),
            ExecError::Type(v) => write!(f, "gave an unusable value {v}"),
            ExecError::Other(e) => write!(f, "{e}"),
        }
    }
}

fn from_cel(v: &Value) -> Option<SigValue> {
    Some(match v {
        Value::Float(f) => SigValue::Num(*f),
        Value::Int(i) => SigValue::Num(*i as f64),
        Value::UInt(u) => SigValue::Num(*u as f64),
        Value::Bool(b) => SigValue::Bool(*b),
        Value::String(s) => SigValue::Text(s.to_string()),
        Value::List(items) => SigValue::List(
            items
                .iter()
                .map(|i| match i {
                    Value::Float(f) => Some(*f),
                    Value::Int(i) => Some(*i as f64),
                    _ => None,
                })
                .collect::<Option<Vec<_>>>()?,
        ),
        _ => return None,
    })
}

/// Byte offset of the first whole-word occurrence of `word` in `text` (`usize::MAX` if none).
fn first_word_at(text: &str, word: &str) -> usize {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(pos) = text[from..].find(word) {
        let at = from + pos;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !before.is_some_and(is_ident) && !after.is_some_and(is_ident) {
            return at;
        }
        from = at + word.len();
    }
    usize::MAX
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_expression_too_large_to_evaluate_safely_is_refused_with_the_limit() {
        let chained = vec!["x"; 10_000].join(" + ");
        assert!(Expr::compile(&chained).unwrap_err().contains("the limit is 2000"));
        let medium = vec!["x"; 500].join("+");
        assert!(Expr::compile(&medium).unwrap_err().contains("the limit is 200"));
        let calls = format!("x{}", ".size().string()".repeat(120));
        assert!(Expr::compile(&calls).unwrap_err().contains("operators, calls or fields"));
        let deep = format!("{}x{}", "(".repeat(40), ")".repeat(40));
        assert!(Expr::compile(&deep).unwrap_err().contains("nests 40 levels"));
        assert!(Expr::compile("2.0 * a > b && (c || d.size() > 0)").is_ok());
        // At the limits, compiling and running fit the main thread's 8 MiB stack (masst
        // compiles on the main thread), in a debug build too.
        std::thread::Builder::new()
            .stack_size(8 << 20)
            .spawn(|| {
                let e = Expr::compile(&vec!["x"; 200].join(" + ")).unwrap();
                let vars: BTreeMap<String, SigValue> = [("x".to_string(), SigValue::Num(1.0))].into();
                assert_eq!(e.eval(&vars).unwrap(), SigValue::Num(200.0));
                assert!(Expr::compile(&format!("x{}", ".size().string()".repeat(100))).is_ok());
                assert!(Expr::compile(&format!("{}x{}", "(".repeat(32), ")".repeat(32))).is_ok());
            })
            .unwrap()
            .join()
            .unwrap();
    }

    #[test]
    fn a_nan_comparison_says_what_is_wrong() {
        let e = Expr::compile("a / b > 1.0").unwrap();
        let vars: BTreeMap<String, SigValue> =
            [("a".to_string(), SigValue::Num(0.0)), ("b".to_string(), SigValue::Num(0.0))].into();
        let err = e.eval(&vars).unwrap_err().to_string();
        assert!(err.contains("not a finite number"), "{err}");
    }
}
