//! Chart geometry: the plot area, the scale from days and values to SVG coordinates, and the
//! SVG paths of lines and bands. Pure, so the app can memoise it and tests can check it.

use crate::model::Band;
use std::fmt::Write;

/// The SVG viewBox of every chart and the plot area's margins inside it.
pub const W: f64 = 520.0;
pub const H: f64 = 250.0;
pub const LEFT: f64 = 54.0;
pub const RIGHT: f64 = 14.0;
pub const TOP: f64 = 14.0;
pub const BOTTOM: f64 = 30.0;
/// Most points drawn per line: plenty for a chart this wide, cheap to render.
const MAX_POINTS: usize = 240;

/// A chart's viewBox, its plot's margins and its text size, in viewBox units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub w: f64,
    pub h: f64,
    pub left: f64,
    pub right: f64,
    pub top: f64,
    pub bottom: f64,
    /// The font size of the chart's text (chart.css draws 14).
    pub text: f64,
}

impl Frame {
    pub const STANDARD: Frame = Frame {
        w: W,
        h: H,
        left: LEFT,
        right: RIGHT,
        top: TOP,
        bottom: BOTTOM,
        text: 14.0,
    };

    /// A chart `w` units wide (and `H` high) with text of `text` units: the margins that hold
    /// the tick labels grow with the text.
    pub fn sized(w: f64, text: f64) -> Frame {
        let k = (text / 14.0).max(1.0);
        Frame {
            w,
            left: (LEFT * k).round(),
            bottom: (BOTTOM * k).round(),
            text,
            ..Frame::STANDARD
        }
    }
}

/// Maps a day and a value to SVG coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub days: f64,
    pub lo: f64,
    pub hi: f64,
    pub f: Frame,
}

impl Scale {
    pub fn x(&self, day: f64) -> f64 {
        let f = &self.f;
        f.left + (f.w - f.left - f.right) * day / self.days.max(1.0)
    }

    pub fn y(&self, v: f64) -> f64 {
        let (f, span) = (&self.f, (self.hi - self.lo).max(1e-9));
        f.top + (f.h - f.top - f.bottom) * (1.0 - (v - self.lo) / span)
    }

    /// The day under an x coordinate (in viewBox units), within the horizon.
    pub fn day_at(&self, x: f64) -> usize {
        let f = &self.f;
        let day = ((x - f.left) / (f.w - f.left - f.right) * self.days).round();
        day.clamp(0.0, self.days) as usize
    }

    /// The value under a y coordinate (in viewBox units), within the axis.
    pub fn value_at(&self, y: f64) -> f64 {
        let f = &self.f;
        let share = 1.0 - ((y - f.top) / (f.h - f.top - f.bottom)).clamp(0.0, 1.0);
        self.lo + share * (self.hi - self.lo)
    }
}

fn stride(days: usize) -> usize {
    days.div_ceil(MAX_POINTS).max(1)
}

/// The days a line passes through: every `stride`-th day, and always the last.
fn days_sampled(days: usize) -> impl Iterator<Item = usize> {
    let s = stride(days);
    (0..=days).step_by(s).chain((days % s != 0).then_some(days))
}

/// A line through a daily series (`series[day]`).
pub fn line(series: &[f64], sc: &Scale) -> String {
    let mut d = String::new();
    if series.is_empty() {
        return d;
    }
    for (i, day) in days_sampled(series.len() - 1).enumerate() {
        let cmd = if i == 0 { "M" } else { "L" };
        let _ = write!(d, "{cmd}{:.1},{:.1}", sc.x(day as f64), sc.y(series[day]));
    }
    d
}

/// The band between two series: along the upper one, back along the lower one.
pub fn area(lower: &[f64], upper: &[f64], sc: &Scale) -> String {
    let mut d = line(upper, sc);
    if lower.is_empty() {
        return d;
    }
    let back: Vec<usize> = days_sampled(lower.len() - 1).collect();
    for day in back.into_iter().rev() {
        let _ = write!(d, "L{:.1},{:.1}", sc.x(day as f64), sc.y(lower[day]));
    }
    d.push('Z');
    d
}

/// The lowest and highest value to show: every band's P10–P90, every sample, and zero.
pub fn extent(bands: &[&Band], samples: &[&[f64]]) -> (f64, f64) {
    let values = bands
        .iter()
        .flat_map(|b| b.p10.iter().chain(&b.p90))
        .chain(samples.iter().flat_map(|s| s.iter()));
    let (lo, hi) = values.fold((0.0f64, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    (lo, if hi <= lo { lo + 1.0 } else { hi })
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

/// Ticks for a count (leads, customers): whole numbers only, never "0.5 leads".
pub fn whole_ticks(lo: f64, hi: f64, want: usize) -> Vec<f64> {
    let ticks = nice_ticks(lo, hi, want);
    if ticks.iter().all(|t| t.fract() == 0.0) {
        return ticks;
    }
    let (first, last) = (lo.ceil(), hi.floor());
    if first > last {
        return vec![first.min(hi.ceil())];
    }
    (0..=(last - first) as usize)
        .map(|i| first + i as f64)
        .collect()
}

/// The value axis over `lo..hi` for a chart of `days` days in frame `f`, widened to its outer
/// ticks.
pub fn value_axis(lo: f64, hi: f64, days: usize, f: Frame) -> Scale {
    let ticks = nice_ticks(lo, hi, 5);
    Scale {
        days: days as f64,
        lo: lo.min(*ticks.first().unwrap_or(&lo)),
        hi: hi.max(*ticks.last().unwrap_or(&hi)),
        f,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn band(values: &[f64]) -> Band {
        let v = values.to_vec();
        Band {
            name: "leads".into(),
            p10: v.clone(),
            p25: v.clone(),
            p50: v.clone(),
            p75: v.clone(),
            p90: v.clone(),
            mean: v,
        }
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        let t = nice_ticks(0.0, 730.0, 6);
        assert_eq!(
            t,
            vec![0.0, 200.0, 400.0, 600.0],
            "round steps inside the axis"
        );
        let t = nice_ticks(-37.0, 1234.0, 5);
        assert!(
            t.len() >= 3 && t[0] >= -37.0 && *t.last().unwrap() <= 1234.0,
            "{t:?}"
        );
        assert_eq!(
            nice_ticks(5.0, 5.0, 5),
            vec![5.0],
            "a flat line gets one tick"
        );
        assert_eq!(nice_ticks(f64::NAN, 1.0, 5).len(), 1);
    }

    #[test]
    fn a_count_s_ticks_are_whole_numbers() {
        assert_eq!(nice_ticks(0.0, 2.0, 5), vec![0.0, 0.5, 1.0, 1.5, 2.0]);
        assert_eq!(whole_ticks(0.0, 2.0, 5), vec![0.0, 1.0, 2.0]);
        assert_eq!(whole_ticks(0.0, 100.0, 5), nice_ticks(0.0, 100.0, 5));
        assert_eq!(whole_ticks(0.0, 0.3, 5), vec![0.0]);
    }

    #[test]
    fn the_scale_puts_the_horizon_at_the_right_edge_and_zero_at_the_bottom() {
        let sc = Scale {
            days: 730.0,
            lo: 0.0,
            hi: 100.0,
            f: Frame::STANDARD,
        };
        assert_eq!(sc.x(0.0), LEFT);
        assert_eq!(sc.x(730.0), W - RIGHT);
        assert_eq!(sc.y(0.0), H - BOTTOM);
        assert_eq!(sc.y(100.0), TOP);
        assert_eq!(sc.day_at(sc.x(365.0)), 365);
        assert!((sc.value_at(sc.y(42.0)) - 42.0).abs() < 1e-9);
        assert_eq!(sc.day_at(-50.0), 0, "left of the plot is day 0");
    }

    #[test]
    fn long_lines_are_thinned_but_keep_their_last_day() {
        let series: Vec<f64> = (0..=1095).map(|d| d as f64).collect();
        let sc = Scale {
            days: 1095.0,
            lo: 0.0,
            hi: 1095.0,
            f: Frame::STANDARD,
        };
        let d = line(&series, &sc);
        let points = d.matches(['M', 'L']).count();
        assert!(points <= 250, "{points} points");
        assert!(d.ends_with(&format!("{:.1},{:.1}", sc.x(1095.0), sc.y(1095.0))));
        let a = area(&series, &series, &sc);
        assert!(a.starts_with('M') && a.ends_with('Z'));
        assert_eq!(line(&[], &sc), "");
    }

    #[test]
    fn the_extent_includes_zero_every_band_and_every_sample() {
        let (a, b) = (band(&[10.0, 20.0]), band(&[5.0, 50.0]));
        let sample = [-3.0, 7.0];
        assert_eq!(extent(&[&a, &b], &[&sample]), (-3.0, 50.0));
        assert_eq!(
            extent(&[], &[]),
            (0.0, 1.0),
            "nothing to show still gets an axis"
        );
    }
}
