//! Where a value sits on its slider. Fields with a wide range (1,000 to 10 million people) use
//! a logarithmic track, so the default is not squeezed into the first percent of it.

use crate::model::params::{Field, Scale};

/// Positions of a logarithmic slider: `0..=LOG_STEPS`.
pub const LOG_STEPS: f64 = 1000.0;

/// The slider's `(min, max, step)` attributes for `field` showing `value`.
pub fn track(field: &Field, value: f64) -> (f64, f64, f64) {
    match field.scale {
        Scale::Linear => (field.min, field.slider_max.max(value), field.step),
        Scale::Log => (0.0, LOG_STEPS, 1.0),
    }
}

/// `ln(v / lo)`, where `lo` is the field's minimum, or 1 for a range that starts at 0.
fn log_span(field: &Field, v: f64) -> f64 {
    let lo = field.min.max(1.0);
    (v.max(lo) / lo).ln()
}

/// The slider position of `value`.
pub fn position(field: &Field, value: f64) -> f64 {
    match field.scale {
        Scale::Linear => value,
        Scale::Log => {
            let t = log_span(field, value) / log_span(field, field.slider_max);
            (t.clamp(0.0, 1.0) * LOG_STEPS).round()
        }
    }
}

/// The value at slider position `pos`: on a log track rounded to two significant digits
/// (50,000, not 49,817) and to the field's step.
pub fn value_at(field: &Field, pos: f64) -> f64 {
    match field.scale {
        Scale::Linear => pos,
        Scale::Log => {
            let t = (pos / LOG_STEPS).clamp(0.0, 1.0);
            if t == 0.0 {
                return field.min;
            }
            let raw = field.min.max(1.0) * (t * log_span(field, field.slider_max)).exp();
            let nice = if raw < 10.0 {
                raw.round()
            } else {
                let unit = 10f64.powi(raw.log10().floor() as i32 - 1);
                (raw / unit).round() * unit
            };
            let stepped = (nice / field.step).round() * field.step;
            stepped.clamp(field.min, field.max)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::field;

    #[test]
    fn a_log_track_puts_the_default_market_mid_way_and_reads_round_numbers() {
        let market = field("market_size").unwrap();
        assert!(matches!(market.scale, Scale::Log));
        let p = position(market, 50_000.0);
        assert!(p > 300.0 && p < 800.0, "50,000 people sit at {p} of 1000");
        assert_eq!(value_at(market, 0.0), 1_000.0);
        assert_eq!(value_at(market, LOG_STEPS), 10_000_000.0);
        let v = value_at(market, p);
        assert!((v - 50_000.0).abs() / 50_000.0 < 0.05, "{v}");
        assert_eq!(v % 1000.0, 0.0, "a round number: {v}");
    }

    #[test]
    fn every_position_gives_a_valid_value_that_maps_back_near_it() {
        for name in [
            "market_size",
            "starting_followers",
            "customer_value",
            "goal_leads",
        ] {
            let f = field(name).unwrap();
            let mut last = f64::NEG_INFINITY;
            for pos in (0..=1000).step_by(25) {
                let v = value_at(f, pos as f64);
                assert!(v >= f.min && v <= f.max, "{name} {v}");
                assert!(v >= last, "{name}: the track runs one way");
                last = v;
                // Low on the track the field's step dominates (market size moves by 1,000).
                if pos >= 300 {
                    assert!(
                        (position(f, v) - pos as f64).abs() <= 12.0,
                        "{name} at {pos}: {v}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_linear_track_is_the_value_itself() {
        let budget = field("buy_in").unwrap();
        assert_eq!(position(budget, 70.0), 70.0);
        assert_eq!(value_at(budget, 70.0), 70.0);
        assert_eq!(track(budget, 70.0), (0.0, 100.0, 1.0));
    }
}
