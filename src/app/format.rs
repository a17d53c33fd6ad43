//! Numbers as people read them: thousands separators, compact axis labels, units.

/// What a metric's numbers mean, for axes, readouts and tables.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Count,
    Score,
    Money,
    Percent,
}

/// `12345.6` → `12,346`; small values keep one decimal.
pub fn full(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    if v.abs() < 10.0 && v.fract() != 0.0 {
        return format!("{v:.1}");
    }
    let n = v.round() as i64;
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        out.insert(0, '−');
    }
    out
}

/// `12500` → `12.5k`, for axis ticks.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "−" } else { "" };
    let trim = |x: f64| {
        let s = format!("{x:.1}");
        s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
    };
    if a >= 1e6 {
        format!("{sign}{}M", trim(a / 1e6))
    } else if a >= 1e4 {
        format!("{sign}{}k", trim(a / 1e3))
    } else if a >= 10.0 || a == 0.0 {
        format!("{sign}{}", full(a))
    } else {
        format!("{sign}{}", trim(a))
    }
}

pub fn with_unit(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Count => full(v),
        Unit::Score => format!("{v:.0}/100"),
        Unit::Money => full(v),
        Unit::Percent => format!("{}%", full(v)),
    }
}

pub fn tick(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Percent => format!("{}%", compact(v)),
        _ => compact(v),
    }
}

/// A probability as a whole percentage.
pub fn chance(p: f64) -> String {
    format!("{:.0}%", 100.0 * p)
}

/// "Nice" axis ticks covering [lo, hi]: steps of 1, 2 or 5 × 10^k.
pub fn nice_ticks(lo: f64, hi: f64, want: usize) -> Vec<f64> {
    if hi.is_nan() || lo.is_nan() || hi <= lo {
        return vec![lo];
    }
    let raw = (hi - lo) / want.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let start = (lo / step).ceil() * step;
    let mut ticks = Vec::new();
    let mut t = start;
    while t <= hi + step * 1e-9 {
        ticks.push(if t.abs() < step * 1e-9 { 0.0 } else { t });
        t += step;
    }
    ticks
}
