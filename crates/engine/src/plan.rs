//! A plan: lever changes on given days, piecewise constant ("€1,000 a month, then €4,000 from
//! day 180"). Held inline (at most [`MAX_CHANGES`]) so a scenario stays a plain `Copy` value;
//! in a scenario file it is `"changes": [{"day": 180, "set": {"budget": 4000}}]`.

use super::params::Levers;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Most lever changes a plan may hold.
pub const MAX_CHANGES: usize = 12;

/// The levers a change sets; the others keep their value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverSet {
    #[serde(default)]
    pub budget: Option<f64>,
    #[serde(default)]
    pub posts_per_week: Option<f64>,
    #[serde(default)]
    pub responsiveness: Option<f64>,
    #[serde(default)]
    pub buy_in: Option<f64>,
}

/// In a file only the levers set are written (`{"budget": 4000}`); binary formats (the web
/// worker's messages) are not self-describing, so there every field is written.
impl Serialize for LeverSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let every_field = !s.is_human_readable();
        let mut out = s.serialize_struct("LeverSet", 4)?;
        for (name, value) in [
            ("budget", self.budget),
            ("posts_per_week", self.posts_per_week),
            ("responsiveness", self.responsiveness),
            ("buy_in", self.buy_in),
        ] {
            if every_field || value.is_some() {
                out.serialize_field(name, &value)?;
            } else {
                out.skip_field(name)?;
            }
        }
        out.end()
    }
}

impl LeverSet {
    /// Each lever this change sets, by its short name, with the value.
    pub fn values(&self) -> impl Iterator<Item = (&'static str, f64)> {
        [
            ("budget", self.budget),
            ("posts_per_week", self.posts_per_week),
            ("responsiveness", self.responsiveness),
            ("buy_in", self.buy_in),
        ]
        .into_iter()
        .filter_map(|(name, v)| v.map(|v| (name, v)))
    }

    /// `levers` with this change applied.
    pub fn apply(&self, mut levers: Levers) -> Levers {
        levers.budget = self.budget.unwrap_or(levers.budget);
        levers.posts_per_week = self.posts_per_week.unwrap_or(levers.posts_per_week);
        levers.responsiveness = self.responsiveness.unwrap_or(levers.responsiveness);
        levers.buy_in = self.buy_in.unwrap_or(levers.buy_in);
        levers
    }
}

/// One change: from `day` on, the levers in `set` take their new values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub day: u32,
    pub set: LeverSet,
}

/// The changes of a plan, in the order given (validation requires increasing days).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Plan {
    len: u8,
    changes: [Change; MAX_CHANGES],
}

impl Plan {
    /// A plan of these changes, or how many there were when they are too many.
    pub fn new(changes: &[Change]) -> Result<Plan, usize> {
        if changes.len() > MAX_CHANGES {
            return Err(changes.len());
        }
        let mut plan = Plan::default();
        plan.changes[..changes.len()].copy_from_slice(changes);
        plan.len = changes.len() as u8;
        Ok(plan)
    }

    pub fn changes(&self) -> &[Change] {
        &self.changes[..self.len as usize]
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The levers in force on `day`, starting from `base`.
    pub fn levers_on(&self, base: Levers, day: u32) -> Levers {
        self.changes()
            .iter()
            .take_while(|c| c.day <= day)
            .fold(base, |levers, c| c.set.apply(levers))
    }
}

impl Serialize for Plan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.changes().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Plan {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Plan, D::Error> {
        let changes = Vec::<Change>::deserialize(d)?;
        Plan::new(&changes).map_err(|n| {
            serde::de::Error::custom(format!(
                "{n} changes, but a plan holds at most {MAX_CHANGES}"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(day: u32, budget: f64) -> Change {
        Change {
            day,
            set: LeverSet {
                budget: Some(budget),
                ..LeverSet::default()
            },
        }
    }

    #[test]
    fn the_levers_in_force_follow_the_changes_day_by_day() {
        let mut later = change(365, 8000.0);
        later.set.buy_in = Some(90.0);
        let plan = Plan::new(&[change(180, 4000.0), later]).unwrap();
        let base = Levers::default();
        assert_eq!(plan.levers_on(base, 179), base);
        assert_eq!(plan.levers_on(base, 180).budget, 4000.0);
        assert_eq!(plan.levers_on(base, 180).buy_in, base.buy_in);
        let end = plan.levers_on(base, 400);
        assert_eq!((end.budget, end.buy_in), (8000.0, 90.0));
    }

    #[test]
    fn a_plan_holds_at_most_its_capacity() {
        assert!(Plan::new(&[Change::default(); MAX_CHANGES]).is_ok());
        assert_eq!(
            Plan::new(&[Change::default(); MAX_CHANGES + 1]),
            Err(MAX_CHANGES + 1)
        );
    }
}
