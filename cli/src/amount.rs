//! Token amounts: parsing "1000" / "0.5" into plancks and printing them back.

use gensyn_runtime::{Balance, TOKEN_DECIMALS, TOKEN_SYMBOL, UNIT};

/// Parses a positive token amount with at most [`TOKEN_DECIMALS`] decimals
/// into plancks. Underscores group digits ("1_000").
pub fn parse_tokens(input: &str) -> Result<Balance, String> {
    let bad = |why: &str| format!("bad amount '{input}': {why}");
    let s: String = input.trim().chars().filter(|c| *c != '_').collect();
    let s = s.strip_suffix(TOKEN_SYMBOL).map(str::trim_end).unwrap_or(&s);
    if s.is_empty() {
        return Err(bad("empty"));
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return Err(bad("no digits"));
    }
    if !int.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad("expected a number like 1000 or 0.5"));
    }
    if frac.len() > TOKEN_DECIMALS as usize {
        return Err(bad(&format!("at most {TOKEN_DECIMALS} decimals")));
    }
    let int: Balance = if int.is_empty() { 0 } else { int.parse().map_err(|_| bad("too large"))? };
    let frac_plancks: Balance = if frac.is_empty() {
        0
    } else {
        let padded = format!("{frac:0<width$}", width = TOKEN_DECIMALS as usize);
        padded.parse().map_err(|_| bad("bad decimals"))?
    };
    let total = int.checked_mul(UNIT).and_then(|v| v.checked_add(frac_plancks)).ok_or_else(|| bad("too large"))?;
    if total == 0 {
        return Err(bad("must be greater than zero"));
    }
    Ok(total)
}

/// Formats plancks as tokens, e.g. `1000 GSN` or `0.5 GSN`.
pub fn format_tokens(plancks: Balance) -> String {
    let int = plancks / UNIT;
    let frac = plancks % UNIT;
    if frac == 0 {
        format!("{int} {TOKEN_SYMBOL}")
    } else {
        let digits = format!("{frac:0width$}", width = TOKEN_DECIMALS as usize);
        format!("{int}.{} {TOKEN_SYMBOL}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_whole_and_fractional_tokens() {
        assert_eq!(parse_tokens("1000").unwrap(), 1000 * UNIT);
        assert_eq!(parse_tokens("1_000").unwrap(), 1000 * UNIT);
        assert_eq!(parse_tokens("0.5").unwrap(), UNIT / 2);
        assert_eq!(parse_tokens(".25").unwrap(), UNIT / 4);
        assert_eq!(parse_tokens("7 GSN").unwrap(), 7 * UNIT);
        assert_eq!(parse_tokens("0.000000000001").unwrap(), 1);
    }

    #[test]
    fn rejects_bad_amounts() {
        for bad in [
            "",
            "0",
            "0.0",
            "-1",
            "abc",
            "1.2.3",
            "1e3",
            "0.0000000000001",
            ".",
            "340282366920938463463374607431768211455",
        ] {
            let err = parse_tokens(bad).unwrap_err();
            assert!(err.starts_with("bad amount"), "{bad}: {err}");
        }
    }

    #[test]
    fn formats_round_trip() {
        assert_eq!(format_tokens(1000 * UNIT), "1000 GSN");
        assert_eq!(format_tokens(UNIT / 2), "0.5 GSN");
        assert_eq!(format_tokens(1), "0.000000000001 GSN");
        for s in ["1000", "0.5", "123.456"] {
            assert_eq!(format_tokens(parse_tokens(s).unwrap()), format!("{s} GSN"));
        }
    }
}
