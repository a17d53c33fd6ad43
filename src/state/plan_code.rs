//! A plan in a link: `c=180b4000i80_365p7` is "from day 180 budget 4,000 and buy-in 80, from
//! day 365 7 posts a week". Changes are joined by `_`; each is its day, then each lever it
//! sets as the lever's link key (`b`, `p`, `r`, `i`) and its value.

use crate::model::params::{field, field_by_key};
use crate::model::{Change, LeverSet, Plan, LEVERS};

/// The plan as link text ("" for none).
pub fn encode_plan(plan: &Plan) -> String {
    plan.changes()
        .iter()
        .map(|c| {
            let sets: String = c
                .set
                .values()
                .map(|(name, v)| format!("{}{v}", field(name).expect("a lever").key))
                .collect();
            format!("{}{sets}", c.day)
        })
        .collect::<Vec<_>>()
        .join("_")
}

/// Reads link text back into a plan; `None` when it is not one (the caller reports it).
/// Ranges and day order are checked with the rest of the scenario.
pub fn decode_plan(text: &str) -> Option<Plan> {
    let changes: Option<Vec<Change>> = text.split('_').map(decode_change).collect();
    Plan::new(&changes?).ok()
}

fn decode_change(text: &str) -> Option<Change> {
    let digits = text.find(|c: char| !c.is_ascii_digit())?;
    let day = text[..digits].parse().ok()?;
    let mut set = LeverSet::default();
    let mut rest = &text[digits..];
    while !rest.is_empty() {
        let key_end = rest.find(|c: char| !c.is_ascii_alphabetic())?;
        let value_end = rest[key_end..]
            .find(|c: char| c.is_ascii_alphabetic())
            .map_or(rest.len(), |i| key_end + i);
        let f = field_by_key(&rest[..key_end]).filter(|f| f.lever)?;
        let value: f64 = rest[key_end..value_end].parse().ok()?;
        let lever = LEVERS.iter().position(|n| *n == f.name)?;
        set.put(lever, value).then_some(())?; // a lever set twice is not a plan
        rest = &rest[value_end..];
    }
    (set != LeverSet::default()).then_some(Change { day, set })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_survives_the_link_and_stays_short() {
        let plan = decode_plan("180b4000i80_365p7_400r95.5").unwrap();
        assert_eq!(plan.changes().len(), 3);
        assert_eq!(plan.changes()[0].set.0[3], Some(80.0), "buy-in");
        assert_eq!(plan.changes()[2].set.0[2], Some(95.5), "responsiveness");
        assert_eq!(encode_plan(&plan), "180b4000i80_365p7_400r95.5");
        assert_eq!(decode_plan(&encode_plan(&plan)), Some(plan));
    }

    #[test]
    fn text_that_is_not_a_plan_is_refused() {
        for bad in [
            "", "180", "b4000", "180m5000", "180b", "180bx", "180b1b2", "1_", "180b1e",
        ] {
            assert_eq!(decode_plan(bad), None, "{bad}");
        }
    }
}
