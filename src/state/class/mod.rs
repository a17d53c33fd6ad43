//! A class of teams compared on the same simulated futures: ranked by the median outcome,
//! with, for each pair of teams, the share of futures in which one beats the other. A team
//! that came out on top in the future it played, but not across the futures, was lucky.

use super::export::csv_cell;
use super::link;
use super::play::GAME_RUN;
use super::stats::median;
use super::team_code::{self, CodeProblem};
use crate::model::{Levers, Plan, Scenario};

/// One team's place in the class.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The team's index in the input.
    pub team: usize,
    /// Median outcome over the futures.
    pub median: f64,
    /// Share of futures in which this team beats each team (itself: 0).
    pub beats: Vec<f64>,
    /// Whether this team has the same outcome as each team in every future (identical plans).
    pub tied: Vec<bool>,
    /// Best of all teams in the future it played, yet beaten by another team in most futures.
    pub lucky: bool,
}

/// Share of futures in which `a` beats `b` (a tie counts half).
fn share_beating(a: &[f64], b: &[f64]) -> f64 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    let wins: f64 = (0..n)
        .map(|i| match a[i].total_cmp(&b[i]) {
            std::cmp::Ordering::Greater => 1.0,
            std::cmp::Ordering::Equal => 0.5,
            std::cmp::Ordering::Less => 0.0,
        })
        .sum();
    wins / n as f64
}

/// The class ranked best first. `outcomes[t][run]` is team `t`'s outcome in future `run`
/// (higher is better); `played[t]` is the future team `t` played, if any.
pub fn rank(outcomes: &[Vec<f64>], played: &[Option<usize>]) -> Vec<Standing> {
    let mut standings: Vec<Standing> = outcomes
        .iter()
        .enumerate()
        .map(|(t, mine)| {
            let beats: Vec<f64> = outcomes
                .iter()
                .enumerate()
                .map(|(u, other)| {
                    if u == t {
                        0.0
                    } else {
                        share_beating(mine, other)
                    }
                })
                .collect();
            let best_in_own = played.get(t).copied().flatten().is_some_and(|run| {
                let own = mine.get(run);
                own.is_some() && outcomes.iter().all(|o| o.get(run) <= own)
            });
            let tied = outcomes.iter().map(|other| other == mine).collect();
            let beaten_mostly = beats.iter().enumerate().any(|(u, s)| u != t && *s < 0.5);
            Standing {
                team: t,
                median: median(mine),
                beats,
                tied,
                lucky: best_in_own && beaten_mostly,
            }
        })
        .collect();
    super::order::sort_by(&mut standings, |a, b| {
        b.median.total_cmp(&a.median).then(a.team.cmp(&b.team))
    });
    standings
}

/// A team of the class: a name and a plan (levers and their changes).
#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    pub name: String,
    pub levers: Levers,
    pub changes: Plan,
    /// The team played the plan as a game; a link also says on which seed.
    pub played: bool,
    pub seed: Option<u64>,
}

impl Team {
    /// The team's plan on the class's company and horizon.
    pub fn scenario(&self, base: &Scenario) -> Scenario {
        let mut s = *base;
        s.levers = self.levers;
        s.changes = self.changes;
        s.assumptions.stop_day = 0;
        s
    }

    /// The future the team played, when it is one of the class's futures (same seed).
    pub fn played_on(&self, seed: u64) -> Option<usize> {
        (self.played && self.seed.is_none_or(|s| s == seed)).then_some(GAME_RUN as usize)
    }
}

/// A line of the class list that is not a team, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Refused {
    /// 1-based line number and the team's name as written.
    pub line: usize,
    pub name: String,
    pub why: EntryProblem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EntryProblem {
    Code(CodeProblem),
    /// A link whose first problem is this (the app words it in the interface language).
    Link(link::Problem),
    /// A link without a scenario in it.
    NoQuery,
}

/// Reads the class list: one team a line, `Name: code` or `Name: link` (the name may be left
/// out). Empty lines and comments (`# ...`, e.g. a file that could not be read) are skipped;
/// every other line is a team or refused with its reason.
pub fn read_teams(text: &str) -> (Vec<Team>, Vec<Refused>) {
    let mut teams = Vec::new();
    let mut refused = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim().starts_with('#'))
    {
        let (name, entry) = split_name(line.trim());
        let name = name.map_or_else(
            || format!("{}", teams.len() + refused.len() + 1),
            str::to_string,
        );
        match read_entry(entry) {
            Ok((levers, changes, played, seed)) => teams.push(Team {
                name,
                levers,
                changes,
                played,
                seed,
            }),
            Err(why) => refused.push(Refused {
                line: i + 1,
                name,
                why,
            }),
        }
    }
    (teams, refused)
}

/// The class as the trainer entered it: the teams that run (with their plans on the class's
/// company), the lines that are not teams, and the teams whose plan this company cannot take.
#[derive(Clone, Debug, PartialEq)]
pub struct Roster {
    pub teams: Vec<Team>,
    pub plans: Vec<Scenario>,
    pub refused: Vec<Refused>,
    /// A team's name and why its plan does not fit (in English, from the engine).
    pub unfit: Vec<(String, String)>,
    /// Names that more than one team has (each once), so the ranking cannot tell them apart.
    pub duplicates: Vec<String>,
}

pub fn roster(text: &str, base: &Scenario) -> Roster {
    let (all, refused) = read_teams(text);
    let mut r = Roster {
        teams: Vec::new(),
        plans: Vec::new(),
        refused,
        unfit: Vec::new(),
        duplicates: duplicate_names(&all),
    };
    for team in all {
        let plan = team.scenario(base);
        match plan.validate() {
            Ok(()) => {
                r.teams.push(team);
                r.plans.push(plan);
            }
            Err(e) => r.unfit.push((team.name, e.to_string())),
        }
    }
    r
}

/// Each name that more than one team has, once, in the order first met.
fn duplicate_names(teams: &[Team]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, t) in teams.iter().enumerate() {
        if teams[..i].iter().any(|u| u.name == t.name) && !out.contains(&t.name) {
            out.push(t.name.clone());
        }
    }
    out
}

/// The ranking as CSV: rank, team, median, the outcome in the future played, lucky, then the
/// share of futures in which the team beats each other team.
pub fn class_csv(teams: &[Team], standings: &[Standing], outcomes: &[Vec<f64>]) -> String {
    let names: Vec<String> = teams.iter().map(|t| csv_cell(&t.name)).collect();
    let mut out = format!(
        "rank,team,median,played_future,lucky,{}\n",
        teams
            .iter()
            .map(|t| csv_cell(&format!("beats {}", t.name)))
            .collect::<Vec<_>>()
            .join(",")
    );
    for (i, s) in standings.iter().enumerate() {
        let own = outcomes[s.team]
            .get(GAME_RUN as usize)
            .filter(|_| teams[s.team].played);
        let beats: Vec<String> = s.beats.iter().map(|b| format!("{b:.3}")).collect();
        out += &format!(
            "{},{},{},{},{},{}\n",
            i + 1,
            names[s.team],
            s.median,
            own.map_or(String::new(), f64::to_string),
            s.lucky,
            beats.join(",")
        );
    }
    out
}

/// `Red: 1ABC` → (Some("Red"), "1ABC"); a link's own colons (`https://`) are not a name.
/// The name ends at the last colon followed by a space, so a name may hold `?`, `http` or
/// colons of its own (`Why not?: 1ABC`, `=HYPERLINK("http://…"): 1ABC`).
/// A code never holds a space, so `Red 1ABC` (a space for the colon) reads the same.
fn split_name(line: &str) -> (Option<&str>, &str) {
    if let Some(colon) = line.rfind(": ").or_else(|| line.rfind(":\t")) {
        let (name, entry) = (line[..colon].trim(), line[colon + 2..].trim());
        if !entry.is_empty() {
            return ((!name.is_empty()).then_some(name), entry);
        }
    }
    let entry_start = line
        .find("http")
        .or_else(|| line.find('?'))
        .unwrap_or(line.len());
    match line[..entry_start].rfind(':') {
        Some(colon) => {
            let name = line[..colon].trim();
            ((!name.is_empty()).then_some(name), line[colon + 1..].trim())
        }
        None if entry_start < line.len() => {
            let name = line[..entry_start].trim();
            ((!name.is_empty()).then_some(name), &line[entry_start..])
        }
        None => match line.rsplit_once(char::is_whitespace) {
            Some((name, code)) => (Some(name.trim()), code),
            None => (None, line),
        },
    }
}

type Entry = (Levers, Plan, bool, Option<u64>);

fn read_entry(entry: &str) -> Result<Entry, EntryProblem> {
    if let Some(q) = entry.find('?') {
        let (shared, problems) = link::decode(&entry[q + 1..]);
        // A page's notices (its language, an overlay) do not change the team's plan.
        if let Some(p) = problems.into_iter().find(link::Problem::changes_team_entry) {
            return Err(EntryProblem::Link(p));
        }
        let s = shared.scenario;
        return Ok((
            s.levers,
            s.changes,
            shared.play.is_some(),
            Some(shared.seed),
        ));
    }
    if entry.contains("://") {
        return Err(EntryProblem::NoQuery);
    }
    let plan = team_code::decode(entry).map_err(EntryProblem::Code)?;
    Ok((plan.levers, plan.changes, plan.played, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{outcomes_per_run, preset, Metric};

    #[test]
    fn a_class_list_reads_codes_and_links_and_names_every_bad_line() {
        let plan = team_code::TeamPlan {
            levers: preset("committed").unwrap().scenario.levers,
            changes: Plan::default(),
            played: true,
        };
        let code = team_code::encode(&plan).unwrap();
        let mut typo = code.clone();
        typo.replace_range(3..4, if &code[3..4] == "7" { "8" } else { "7" });
        let text = format!(
            "Red: {code}\n\n# a comment: skipped\n{code}\nBlue: https://example.org/app/?b=1500&p=3&play=91\nGreen: {typo}\nGrey: ?b=-5"
        );
        let (teams, refused) = read_teams(&text);
        let names: Vec<&str> = teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Red", "2", "Blue"]);
        assert_eq!(teams[0].levers, plan.levers);
        assert_eq!(teams[0].played_on(9), Some(0));
        assert_eq!(teams[2].levers.budget, 1500.0);
        assert_eq!(teams[2].played_on(1), Some(0), "the link's default seed");
        assert_eq!(teams[2].played_on(9), None, "another seed's future");
        assert_eq!(refused.len(), 2);
        assert_eq!((refused[0].line, refused[0].name.as_str()), (6, "Green"));
        assert_eq!(refused[0].why, EntryProblem::Code(CodeProblem::Checksum));
        assert!(
            matches!(refused[1].why, EntryProblem::Link(_)),
            "{:?}",
            refused[1]
        );
    }

    #[test]
    fn a_name_may_hold_a_question_mark_a_link_or_colons() {
        let plan = team_code::TeamPlan {
            levers: preset("big-budget").unwrap().scenario.levers,
            changes: Plan::default(),
            played: false,
        };
        let code = team_code::encode(&plan).unwrap();
        let names = [
            "Why not?",
            "=HYPERLINK(\"http://example.org/?x=1\",\"Click\")",
            "Team: Red",
        ];
        let text: String = names.iter().map(|n| format!("{n}: {code}\n")).collect();
        let (teams, refused) = read_teams(&text);
        assert_eq!(refused, []);
        for (team, name) in teams.iter().zip(names) {
            assert_eq!(team.name, name);
            assert_eq!(team.levers, plan.levers, "{name} has the code's plan");
        }
        let (teams, _) = read_teams("Blue:https://example.org/app/?b=1500");
        assert_eq!(
            (teams[0].name.as_str(), teams[0].levers.budget),
            ("Blue", 1500.0)
        );
    }

    #[test]
    fn a_team_link_is_refused_only_for_what_changes_its_plan() {
        // A page's notices (language, embedding, a quit day past the horizon, a repeated
        // language) leave the plan as written; a lever, plan or seed that cannot be read does not.
        let read = "Blue: https://example.org/?lang=de&embed=yes&x=900&lang=sv&b=1500&p=3";
        let (teams, refused) = read_teams(read);
        assert_eq!(refused, []);
        assert_eq!(
            (teams[0].levers.budget, teams[0].levers.posts_per_week),
            (1500.0, 3.0)
        );
        for bad in [
            "?b=abc",
            "?b=1500&b=900",
            "?p=500",
            "?s=x",
            "?c=zz",
            "?b=1500&s=1&s=2",
        ] {
            let (teams, refused) = read_teams(&format!("Red: {bad}"));
            assert_eq!((teams.len(), refused.len()), (0, 1), "{bad} is refused");
        }
    }

    #[test]
    fn a_space_for_the_colon_reads_the_same_and_a_name_used_twice_is_flagged() {
        let plan = team_code::TeamPlan {
            levers: preset("committed").unwrap().scenario.levers,
            changes: Plan::default(),
            played: false,
        };
        let code = team_code::encode(&plan).unwrap();
        let text =
            format!("nocolon {code}\nTeam Red  {code}\nRed: {code}\nRed: ?b=900\nnocolon: {code}");
        let (teams, refused) = read_teams(&text);
        assert_eq!(refused, vec![]);
        let names: Vec<&str> = teams.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["nocolon", "Team Red", "Red", "Red", "nocolon"]);
        assert_eq!(teams[0].levers, plan.levers);
        let r = roster(&text, &Scenario::default());
        assert_eq!(r.duplicates, ["Red", "nocolon"]);
        assert_eq!(
            roster(&format!("A {code}\nB {code}"), &Scenario::default()).duplicates,
            Vec::<String>::new()
        );
    }

    #[test]
    fn identical_plans_are_tied_not_ahead_in_half_the_futures() {
        let outcomes = vec![
            vec![1.0, 2.0, 3.0],
            vec![1.0, 2.0, 3.0],
            vec![1.0, 3.0, 2.0],
        ];
        let r = rank(&outcomes, &[None, None, None]);
        let zero = r.iter().find(|s| s.team == 0).unwrap();
        assert_eq!(zero.tied, vec![true, true, false]);
        assert_eq!(
            zero.beats[2], 0.5,
            "equal medians, different futures: not a tie"
        );
    }

    #[test]
    fn the_roster_keeps_plans_that_fit_and_the_csv_lists_every_team() {
        let mut base = Scenario::default();
        base.assumptions.horizon_days = 200;
        let (r, b) = ("?b=4000", "?b=300&c=365b900");
        let roster = roster(&format!("Red: {r}\nBlue, \"B\": {b}"), &base);
        assert_eq!(roster.teams.len(), 1);
        assert_eq!(roster.plans[0].assumptions.horizon_days, 200);
        assert_eq!(roster.unfit.len(), 1, "a change after the horizon");
        assert!(roster.unfit[0].1.contains("365"), "{:?}", roster.unfit);
        let teams = vec![
            roster.teams[0].clone(),
            Team {
                name: "Blue, \"B\"".into(),
                ..roster.teams[0].clone()
            },
        ];
        let outcomes = vec![vec![1.0, 2.0], vec![3.0, 4.0]];
        let standings = rank(&outcomes, &[None, None]);
        let csv = class_csv(&teams, &standings, &outcomes);
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(
            lines[0],
            "rank,team,median,played_future,lucky,beats Red,\"beats Blue, \"\"B\"\"\""
        );
        assert_eq!(lines[1], "1,\"Blue, \"\"B\"\"\",3.5,,false,1.000,0.000");
        assert_eq!(lines.len(), 3);
    }

    #[test]
    fn teams_are_ranked_by_median_with_the_share_of_futures_each_pair_wins() {
        let outcomes = vec![
            vec![1.0, 2.0, 3.0],
            vec![2.0, 3.0, 4.0],
            vec![3.0, 1.0, 2.0],
        ];
        let r = rank(&outcomes, &[None, None, None]);
        assert_eq!(r.iter().map(|s| s.team).collect::<Vec<_>>(), vec![1, 0, 2]);
        assert_eq!(r[0].beats, vec![1.0, 0.0, 2.0 / 3.0]);
        assert!(r.iter().all(|s| !s.lucky));
    }

    #[test]
    fn a_team_that_won_only_in_its_own_future_is_flagged() {
        // Team 0 is best only in future 2, the one it played; team 1 is better in the rest.
        let outcomes = vec![vec![1.0, 1.0, 9.0, 1.0], vec![5.0, 5.0, 2.0, 5.0]];
        let r = rank(&outcomes, &[Some(2), Some(0)]);
        let zero = r.iter().find(|s| s.team == 0).unwrap();
        assert!(zero.lucky);
        let beyond = rank(&outcomes, &[Some(99), None]);
        assert!(
            beyond.iter().all(|s| !s.lucky),
            "a future nobody has says nothing"
        );
        assert!(!r.iter().find(|s| s.team == 1).unwrap().lucky);
    }

    #[test]
    fn on_the_same_futures_committed_beats_half_hearted_in_most_of_them() {
        let run = |id: &str| {
            let s = preset(id).unwrap().scenario;
            outcomes_per_run(&s, 11, 200, Metric::Leads, 730).unwrap()
        };
        let r = rank(
            &[run("half-hearted"), run("committed")],
            &[Some(3), Some(3)],
        );
        assert_eq!(r[0].team, 1);
        assert!(
            r[0].beats[0] > 0.9,
            "committed beats half-hearted in {:.0}% of futures",
            100.0 * r[0].beats[0]
        );
    }
}
