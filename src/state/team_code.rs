//! A team's plan as a short code a team can read out or type: `1` (the version), then the
//! plan packed into bits and written in Crockford's base32 (digits and capitals without I, L,
//! O and U, so it reads aloud without confusion; case and dashes are ignored when typed, and
//! O, I, L are read as 0, 1, 1). The last two characters are a CRC-10 of the rest, so a
//! mistyped code is refused, never read as a different plan.
//!
//! What is packed: the four starting levers (budget in €100 steps, the others in whole
//! units), whether the team played the plan as a game (one bit), then each change as the days since the previous one (7 bits, or 11 when longer
//! than 127 days), the lever it sets and its value; several levers on one day are a change
//! per lever with 0 days between. Eight one-lever changes fit in about 40 characters.

use crate::model::params::{field, MAX_DAYS};
use crate::model::{Change, LeverSet, Levers, Plan};

/// The version written as the code's first character.
pub const VERSION: char = '1';
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Bits of each lever's value: budget (€100 steps to €100,000), posts, responsiveness, buy-in.
const LEVER_BITS: [u32; 4] = [10, 7, 7, 7];
const BUDGET_STEP: f64 = 100.0;

/// Why a code was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeProblem {
    /// The first character names a version this app does not read.
    Version(char),
    /// A character that is not in the code's alphabet.
    Character(char),
    /// The check characters do not match: a typo, or a code cut short.
    Checksum,
    /// Well formed, but not a plan (e.g. a change beyond the last day a code can hold).
    NotAPlan,
}

/// A plan a code can hold: levers in whole units (budget in €100 steps), days increasing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TeamPlan {
    pub levers: Levers,
    pub changes: Plan,
    /// The team played this plan as a game (on the future [`super::game::GAME_RUN`] of the
    /// link's seed), rather than only building it.
    pub played: bool,
}

struct Bits {
    bits: Vec<bool>,
    at: usize,
}

impl Bits {
    fn push(&mut self, value: u64, n: u32) {
        self.bits.extend((0..n).rev().map(|i| value >> i & 1 == 1));
    }

    fn take(&mut self, n: u32) -> Option<u64> {
        let end = self.at + n as usize;
        let slice = self.bits.get(self.at..end)?;
        self.at = end;
        Some(slice.iter().fold(0, |v, &b| v << 1 | b as u64))
    }
}

fn lever_values(l: &Levers) -> [f64; 4] {
    [
        l.budget / BUDGET_STEP,
        l.posts_per_week,
        l.responsiveness,
        l.buy_in,
    ]
}

fn unit(lever: usize, v: u64) -> f64 {
    if lever == 0 {
        v as f64 * BUDGET_STEP
    } else {
        v as f64
    }
}

/// The code of a plan, or `None` if a value does not fit a code (a fraction of a unit, or a
/// budget not in €100 steps).
pub fn encode(plan: &TeamPlan) -> Option<String> {
    let mut b = Bits {
        bits: Vec::new(),
        at: 0,
    };
    for (i, v) in lever_values(&plan.levers).into_iter().enumerate() {
        b.push(whole(v, LEVER_BITS[i])?, LEVER_BITS[i]);
    }
    b.push(plan.played as u64, 1);
    let singles = one_lever_changes(&plan.changes);
    b.push(whole(singles.len() as f64, 5)?, 5);
    let mut last = 0;
    for (day, lever, v) in singles {
        let gap = day.checked_sub(last)?;
        match gap {
            0..=127 => b.push(gap as u64, 8), // first bit 0: a short gap
            _ => b.push(1 << 11 | whole(gap as f64, 11)?, 12),
        }
        b.push(lever as u64, 2);
        b.push(whole(v, LEVER_BITS[lever])?, LEVER_BITS[lever]);
        last = day;
    }
    let body = to_base32(&b.bits);
    let crc = crc10(format!("{VERSION}{body}").as_bytes());
    Some(format!("{VERSION}{body}{}", to_base32(&crc_bits(crc))))
}

/// The plan a code holds; a mistyped code gets the reason, never a wrong plan.
pub fn decode(code: &str) -> Result<TeamPlan, CodeProblem> {
    let clean = normalise(code)?;
    let mut chars = clean.chars();
    match chars.next() {
        Some(VERSION) => {}
        Some(other) => return Err(CodeProblem::Version(other)),
        None => return Err(CodeProblem::Checksum),
    }
    if clean.len() < 4 {
        return Err(CodeProblem::Checksum);
    }
    let (head, check) = clean.split_at(clean.len() - 2);
    if to_base32(&crc_bits(crc10(head.as_bytes()))) != check {
        return Err(CodeProblem::Checksum);
    }
    let mut b = Bits {
        bits: from_base32(&head[1..]),
        at: 0,
    };
    read_plan(&mut b).ok_or(CodeProblem::NotAPlan)
}

fn read_plan(b: &mut Bits) -> Option<TeamPlan> {
    let mut start = [0.0; 4];
    for (i, v) in start.iter_mut().enumerate() {
        *v = unit(i, b.take(LEVER_BITS[i])?);
    }
    let levers = Levers {
        budget: start[0],
        posts_per_week: start[1],
        responsiveness: start[2],
        buy_in: start[3],
    };
    let played = b.take(1)? == 1;
    let n = b.take(5)? as usize;
    let mut changes: Vec<Change> = Vec::new();
    let mut day = 0;
    for _ in 0..n {
        day += match b.take(1)? {
            0 => b.take(7)?,
            _ => b.take(11)?,
        } as u32;
        let lever = b.take(2)? as usize;
        let v = unit(lever, b.take(LEVER_BITS[lever])?);
        match changes.last_mut().filter(|c| c.day == day) {
            Some(c) => set_lever(&mut c.set, lever, v)?,
            None => {
                let mut set = LeverSet::default();
                set_lever(&mut set, lever, v)?;
                changes.push(Change { day, set });
            }
        }
    }
    let changes = Plan::new(&changes).ok()?;
    let plan = TeamPlan {
        levers,
        changes,
        played,
    };
    fits(&plan).then_some(plan)
}

/// Every value within its lever's range and every change on a day of the longest horizon:
/// a code never yields a plan no scenario can hold.
fn fits(plan: &TeamPlan) -> bool {
    let lever_ok = |name: &str, v: f64| field(name).is_some_and(|f| v >= f.min && v <= f.max);
    let start = &plan.levers;
    let levers = [
        ("budget", start.budget),
        ("posts_per_week", start.posts_per_week),
        ("responsiveness", start.responsiveness),
        ("buy_in", start.buy_in),
    ];
    levers.iter().all(|(n, v)| lever_ok(n, *v))
        && plan
            .changes
            .changes()
            .iter()
            .all(|c| (1..=MAX_DAYS).contains(&c.day) && c.set.values().all(|(n, v)| lever_ok(n, v)))
}

fn set_lever(set: &mut LeverSet, lever: usize, v: f64) -> Option<()> {
    set.put(lever, v).then_some(()) // the same lever twice on one day is not a plan
}

/// Every change split into one change per lever: (day, lever index, value).
fn one_lever_changes(plan: &Plan) -> Vec<(u32, usize, f64)> {
    plan.changes()
        .iter()
        .flat_map(|c| {
            c.set.0.into_iter().enumerate().filter_map(move |(i, v)| {
                v.map(|v| (c.day, i, if i == 0 { v / BUDGET_STEP } else { v }))
            })
        })
        .collect()
}

/// A whole number that fits in `bits`, or `None`.
fn whole(v: f64, bits: u32) -> Option<u64> {
    (v.fract() == 0.0 && v >= 0.0 && v < (1u64 << bits) as f64).then_some(v as u64)
}

/// Upper case, no dashes or spaces, and the look-alikes read as digits.
fn normalise(code: &str) -> Result<String, CodeProblem> {
    code.chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => Ok('0'),
            'I' | 'L' => Ok('1'),
            c if ALPHABET.contains(&(c as u8)) && c.is_ascii() => Ok(c),
            _ => Err(CodeProblem::Character(c)),
        })
        .collect()
}

fn to_base32(bits: &[bool]) -> String {
    bits.chunks(5)
        .map(|chunk| {
            let v = (0..5).fold(0, |v, i| v << 1 | *chunk.get(i).unwrap_or(&false) as usize);
            ALPHABET[v] as char
        })
        .collect()
}

fn from_base32(text: &str) -> Vec<bool> {
    text.bytes()
        .filter_map(|c| ALPHABET.iter().position(|a| *a == c))
        .flat_map(|v| (0..5).rev().map(move |i| v >> i & 1 == 1))
        .collect()
}

fn crc_bits(crc: u16) -> Vec<bool> {
    (0..10).rev().map(|i| crc >> i & 1 == 1).collect()
}

/// CRC-10 (polynomial x¹⁰+x⁹+x⁵+x⁴+x+1): catches every single mistyped character.
fn crc10(data: &[u8]) -> u16 {
    const POLY: u16 = 0x233;
    let mut crc: u16 = 0;
    for &byte in data {
        for i in (0..8).rev() {
            let bit = (byte >> i & 1) as u16;
            let top = (crc >> 9 & 1) ^ bit;
            crc = (crc << 1) & 0x3FF;
            if top == 1 {
                crc ^= POLY;
            }
        }
    }
    crc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(changes: &[(u32, usize, f64)]) -> TeamPlan {
        let mut out: Vec<Change> = Vec::new();
        for &(day, lever, v) in changes {
            if out.last().is_none_or(|c| c.day != day) {
                out.push(Change {
                    day,
                    set: LeverSet::default(),
                });
            }
            set_lever(&mut out.last_mut().unwrap().set, lever, v).unwrap();
        }
        TeamPlan {
            levers: Levers {
                budget: 3000.0,
                posts_per_week: 5.0,
                responsiveness: 80.0,
                buy_in: 70.0,
            },
            changes: Plan::new(&out).unwrap(),
            played: changes.len() % 2 == 1,
        }
    }

    #[test]
    fn a_plan_of_eight_changes_fits_in_about_forty_characters_and_comes_back() {
        let p = plan(&[
            (42, 3, 40.0),
            (91, 0, 4000.0),
            (182, 1, 7.0),
            (182, 3, 80.0),
            (273, 2, 95.0),
            (365, 0, 8000.0),
            (500, 1, 10.0),
            (700, 0, 2000.0),
        ]);
        let code = encode(&p).unwrap();
        assert!(code.len() <= 41, "{code} has {} characters", code.len());
        assert_eq!(decode(&code), Ok(p));
        assert_eq!(decode(&code.to_lowercase()), Ok(p), "case does not matter");
        let dashed: String = code
            .chars()
            .enumerate()
            .flat_map(|(i, c)| (i > 0 && i % 5 == 0).then_some('-').into_iter().chain([c]))
            .collect();
        assert_eq!(decode(&dashed), Ok(p), "dashes do not matter");
        assert_eq!(decode(&encode(&plan(&[])).unwrap()), Ok(plan(&[])));
    }

    #[test]
    fn every_single_mistyped_character_is_refused() {
        let code = encode(&plan(&[(180, 0, 4000.0), (365, 3, 90.0)])).unwrap();
        for i in 1..code.len() {
            for &c in ALPHABET.iter() {
                let mut typo: Vec<u8> = code.bytes().collect();
                if typo[i] == c {
                    continue;
                }
                typo[i] = c;
                let typo = String::from_utf8(typo).unwrap();
                assert_eq!(
                    decode(&typo),
                    Err(CodeProblem::Checksum),
                    "{typo} from {code}"
                );
            }
        }
        assert_eq!(
            decode(&code[..code.len() - 1]),
            Err(CodeProblem::Checksum),
            "cut short"
        );
        assert_eq!(
            decode(&format!("9{}", &code[1..])),
            Err(CodeProblem::Version('9'))
        );
        assert_eq!(decode("1AB#C"), Err(CodeProblem::Character('#')));
        assert_eq!(decode(""), Err(CodeProblem::Checksum));
    }

    #[test]
    fn values_a_code_cannot_hold_are_refused_rather_than_rounded() {
        let mut p = plan(&[]);
        p.levers.budget = 3050.0;
        assert_eq!(encode(&p), None);
        p.levers.budget = 3000.0;
        p.levers.buy_in = 70.5;
        assert_eq!(encode(&p), None);
    }

    #[test]
    fn a_plan_too_big_for_a_code_gets_no_code_and_out_of_range_values_no_plan() {
        let all = |day| (0..4).map(move |lever| (day, lever, 50.0));
        let big: Vec<(u32, usize, f64)> = (1..=12).flat_map(|d| all(d * 50)).collect();
        assert_eq!(
            encode(&plan(&big)),
            None,
            "48 single-lever changes do not fit a code"
        );
        let mut p = plan(&[(100, 1, 7.0)]);
        p.levers.posts_per_week = 71.0; // within 7 bits, beyond the lever's range
        let mut b = Bits {
            bits: Vec::new(),
            at: 0,
        };
        for (i, v) in lever_values(&p.levers).into_iter().enumerate() {
            b.push(v as u64, LEVER_BITS[i]);
        }
        b.push(0, 5);
        let body = to_base32(&b.bits);
        let crc = crc10(format!("{VERSION}{body}").as_bytes());
        let code = format!("{VERSION}{body}{}", to_base32(&crc_bits(crc)));
        assert_eq!(decode(&code), Err(CodeProblem::NotAPlan));
    }

    proptest::proptest! {
        #[test]
        fn any_plan_a_code_can_hold_comes_back_exactly(
            start in (0u32..=1000, 0u32..=70, 0u32..=100, 0u32..=100),
            changes in proptest::collection::vec((1u32..200, 0usize..4, 0u32..=70), 0..8),
        ) {
            let mut day = 0;
            let mut seen = std::collections::BTreeSet::new();
            let mut list = Vec::new();
            for (gap, lever, v) in changes {
                day += gap;
                if day > MAX_DAYS || !seen.insert((day, lever)) {
                    continue;
                }
                let v = if lever == 0 { v as f64 * 100.0 } else { v as f64 };
                list.push((day, lever, v));
            }
            let mut p = plan(&list);
            p.levers = Levers {
                budget: start.0 as f64 * 100.0,
                posts_per_week: start.1 as f64,
                responsiveness: start.2 as f64,
                buy_in: start.3 as f64,
            };
            let code = encode(&p).expect("fits a code");
            proptest::prop_assert_eq!(decode(&code), Ok(p));
        }
    }

    proptest::proptest! {
        #[test]
        fn no_text_makes_the_reader_panic(text in "\\PC{0,60}", valid in "1[0-9A-Z]{0,45}") {
            let _ = decode(&text);
            let _ = decode(&valid);
        }
    }
}
