//! A plan: lever changes on given days, piecewise constant ("€1,000 a month, then €4,000 from
//! day 180"). Held inline (at most [`MAX_CHANGES`]) so a scenario stays a plain `Copy` value;
//! in a scenario file it is `"changes": [{"day": 180, "set": {"budget": 4000}}]`.

use super::params::Levers;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Most lever changes a plan may hold.
pub const MAX_CHANGES: usize = 12;

/// The four levers' short names, in the order of [`LeverSet`] and of the field registry.
pub const LEVERS: [&str; 4] = ["budget", "posts_per_week", "responsiveness", "buy_in"];

/// The levers a change sets (by position in [`LEVERS`]); the others keep their value.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LeverSet(pub [Option<f64>; 4]);

impl LeverSet {
    /// A change of one lever, by its short name.
    pub fn one(name: &str, value: f64) -> Option<LeverSet> {
        let mut set = LeverSet::default();
        set.put(LEVERS.iter().position(|n| *n == name)?, value)
            .then_some(set)
    }

    /// Sets lever `i`; false (and nothing changed) if it was set already: a lever twice in
    /// one change is not a plan.
    pub fn put(&mut self, i: usize, value: f64) -> bool {
        match self.0.get_mut(i) {
            Some(slot @ None) => {
                *slot = Some(value);
                true
            }
            _ => false,
        }
    }

    /// Each lever this change sets, by its short name, with the value.
    pub fn values(&self) -> impl Iterator<Item = (&'static str, f64)> + '_ {
        LEVERS
            .iter()
            .zip(self.0)
            .filter_map(|(name, v)| v.map(|v| (*name, v)))
    }

    /// `levers` with this change applied.
    pub fn apply(&self, levers: Levers) -> Levers {
        let [b, p, r, i] = self.0;
        Levers {
            budget: b.unwrap_or(levers.budget),
            posts_per_week: p.unwrap_or(levers.posts_per_week),
            responsiveness: r.unwrap_or(levers.responsiveness),
            buy_in: i.unwrap_or(levers.buy_in),
        }
    }
}

/// A change's levers as a file has them: `{"budget": 4000}`, only known levers.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeverSetFile {
    budget: Option<f64>,
    posts_per_week: Option<f64>,
    responsiveness: Option<f64>,
    buy_in: Option<f64>,
}

impl<'de> Deserialize<'de> for LeverSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<LeverSet, D::Error> {
        let f = LeverSetFile::deserialize(d)?;
        Ok(LeverSet([
            f.budget,
            f.posts_per_week,
            f.responsiveness,
            f.buy_in,
        ]))
    }
}

/// In a file only the levers set are written (`{"budget": 4000}`); binary formats (the web
/// worker's messages) are not self-describing, so there every field is written.
impl Serialize for LeverSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let every_field = !s.is_human_readable();
        let mut out = s.serialize_struct("LeverSet", 4)?;
        for (name, value) in LEVERS.iter().zip(self.0) {
            if every_field || value.is_some() {
                out.serialize_field(name, &value)?;
            } else {
                out.skip_field(name)?;
            }
        }
        out.end()
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
        let set = LeverSet::one("budget", budget).unwrap();
        Change { day, set }
    }

    #[test]
    fn the_levers_in_force_follow_the_changes_day_by_day() {
        let mut later = change(365, 8000.0);
        assert!(later.set.put(3, 90.0));
        assert!(!later.set.put(3, 80.0), "a lever set twice in one change");
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
