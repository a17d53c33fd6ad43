//! A class of teams compared on the same simulated futures: ranked by the median outcome,
//! with, for each pair of teams, the share of futures in which one beats the other. A team
//! that came out on top in the future it played, but not across the futures, was lucky.

/// One team's place in the class.
#[derive(Clone, Debug, PartialEq)]
pub struct Standing {
    /// The team's index in the input.
    pub team: usize,
    /// Median outcome over the futures.
    pub median: f64,
    /// Share of futures in which this team beats each team (itself: 0).
    pub beats: Vec<f64>,
    /// Best of all teams in the future it played, yet beaten by another team in most futures.
    pub lucky: bool,
}

fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
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
            let beaten_mostly = beats.iter().enumerate().any(|(u, s)| u != t && *s < 0.5);
            Standing {
                team: t,
                median: median(mine),
                beats,
                lucky: best_in_own && beaten_mostly,
            }
        })
        .collect();
    standings.sort_by(|a, b| b.median.total_cmp(&a.median).then(a.team.cmp(&b.team)));
    standings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{outcomes_per_run, preset, Metric};

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
