//! Many independent runs of one scenario, summarised as they stream in.
//!
//! Run `i` under master seed `s` is fully determined by `(s, i)`, so results repeat exactly and
//! two scenarios run with the same seed share their random draws (common random numbers).
//! Memory is bounded by the summaries (per-day histograms, a few sample paths), not by runs.

use super::company::Company;
use super::engine::{
    play_until, simulate, simulate_fork, simulate_marked, CrisisEvent, CrisisOutcome, Derived,
    Metric, Paused, RunTrace, N_METRICS,
};
use super::params::{InvalidParam, Scenario};
use super::per_run::{self, PredictorSet, RunRecord, Split, RECORDS_KEPT};
use super::quantiles::QuantileGrid;
use super::why::{Why, WhyTotals};
use serde::{Deserialize, Serialize};

/// Percentile bands of one metric, each array indexed by day (index 0 = the starting day).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub name: String,
    pub p10: Vec<f64>,
    pub p25: Vec<f64>,
    pub p50: Vec<f64>,
    pub p75: Vec<f64>,
    pub p90: Vec<f64>,
    pub mean: Vec<f64>,
}

/// One run's full path, kept for the first few runs so people see single futures too.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SamplePath {
    pub run: u32,
    /// `metrics[m][day]`, metrics in the order of [`Metric::ALL`].
    pub metrics: Vec<Vec<f64>>,
    pub crises: Vec<CrisisMark>,
    pub cancelled_day: Option<u32>,
}

/// Where a crisis happened on a path and how it ended.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CrisisMark {
    pub day: u32,
    pub outcome: CrisisOutcome,
    pub followers_lost: f64,
    pub trust_lost: f64,
}

/// One moment of truth, and the run it happened in.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CrisisRecord {
    pub run: u32,
    pub crisis: CrisisEvent,
}

/// Moments of truth across all runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CrisisStats {
    pub total: u32,
    pub firestorms: u32,
    pub runs_with_crisis: u32,
    pub per_run_mean: f64,
    /// Median followers lost and trust points lost per crisis, by how it ended.
    pub faded_followers_lost_p50: f64,
    pub firestorm_followers_lost_p50: f64,
    pub faded_trust_lost_p50: f64,
    pub firestorm_trust_lost_p50: f64,
}

/// Everything the user sees, for the runs done so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub scenario: Scenario,
    pub seed: u64,
    pub runs: u32,
    pub runs_done: u32,
    pub days: u32,
    pub metrics: Vec<Band>,
    /// Share of runs still running (not cancelled or stopped), by day.
    pub active: Vec<f64>,
    /// Probability of having reached the goal (`goal_leads`) by day 90, 180 and 365.
    pub goal_p90: f64,
    pub goal_p180: f64,
    pub goal_p365: f64,
    /// Share of runs on track at day 90, 180 and 365: leads at least the straight-line share
    /// of the goal that management expects by then (what needs to happen by day 90?).
    pub on_track: [f64; 3],
    /// Probability of having reached the goal by the end of each week (index = week).
    pub goal_by_week: Vec<f64>,
    /// Share of runs cancelled by the end of each week.
    pub cancelled_by_week: Vec<f64>,
    /// Share of runs that have broken even by the end of each week.
    pub break_even_by_week: Vec<f64>,
    /// Break-even day percentiles among the runs that broke even (None when none did).
    pub break_even_p10: Option<u32>,
    pub break_even_p50: Option<u32>,
    pub break_even_p90: Option<u32>,
    pub crises: CrisisStats,
    /// Every crisis of every run, in run order (at most `MAX_CRISIS_RECORDS`; the statistics
    /// above count them all).
    #[serde(default)]
    pub crisis_events: Vec<CrisisRecord>,
    pub samples: Vec<SamplePath>,
    /// ROI is undefined while nothing has been spent: the first day from which every run has
    /// spent something, among the runs that spend at all (None when no run spends, e.g.
    /// `never-started`; a run that never spends, e.g. one cancelled before a plan's budget
    /// starts, keeps an ROI of 0). Before it the ROI band holds 0; show it as "n/a" (the
    /// command line prints null).
    #[serde(default)]
    pub roi_defined_from_day: Option<u32>,
    /// Why it happened: the runs' counters, summarised (see `why.rs`).
    #[serde(default)]
    pub why: Why,
    /// Cancelled and continued futures on days 90, 180, 365 and the horizon, each group's
    /// medians (see `per_run.rs`): where the outcome is bimodal, one median line misleads.
    #[serde(default)]
    pub splits: Vec<Split>,
    /// How well each early metric on day 90 and 180 predicts leads at the horizon.
    #[serde(default)]
    pub predictors: Vec<PredictorSet>,
}

impl Summary {
    pub fn band(&self, metric: Metric) -> &Band {
        &self.metrics[metric.index()]
    }
}

/// Runs one scenario many times, in batches, keeping only what the summary needs. A worker
/// may run a part of the runs (`part`); the parts' tallies merge into the whole's.
pub struct MonteCarlo {
    scenario: Scenario,
    derived: Derived,
    seed: u64,
    runs: u32,
    /// The runs this one simulates: `first..end` (all runs unless it is a part).
    first: u32,
    end: u32,
    done: u32,
    tally: Tally,
    sample_paths: u32,
    trace: RunTrace,
    /// Values of runs not yet folded into the grid (run-major), at most `FOLD_BATCH` runs.
    pending: Vec<f64>,
    /// Set for the futures still possible in a game: each run is a fork of the paused game.
    game: Option<Game>,
    /// Set for a fitted history's forecast: run k continues kept future k.
    posterior: Option<Continuation>,
}

/// The futures a fitted page history kept (see `fit/`), to continue from the history's last
/// day: run k re-simulates kept future k's history (the same bits as when it was weighed),
/// then goes on with the luck of fork k, the same for every plan (common random numbers).
#[derive(Clone, Debug)]
pub struct Continuation {
    /// The history's last day.
    pub day: u32,
    /// The seed the history was fitted under.
    pub seed: u64,
    /// Each distinct set of levers: the history's periods, then the plan's levers.
    pub derived: std::sync::Arc<[Derived]>,
    pub futures: std::sync::Arc<[KeptFuture]>,
}

/// One future that reproduces the history: its run, company, starting followers and levers
/// (an index into [`Continuation::derived`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct KeptFuture {
    pub run: u64,
    pub company: Company,
    pub start: f64,
    pub derived: u32,
}

impl Continuation {
    fn simulate(&self, fork: u64, out: &mut RunTrace) {
        let f = &self.futures[fork as usize];
        let d = &self.derived[f.derived as usize];
        let paused = simulate_marked(
            d,
            &f.company,
            f.start,
            (self.seed, f.run),
            &[self.day],
            out,
            &mut |_, _| {},
        );
        simulate_fork(d, &paused, self.seed, fork, out);
    }
}

/// What a set of runs adds up to: everything a summary needs and nothing per run. Tallies of
/// disjoint runs merge exactly (counts add, histograms merge on a fixed lattice, sums are
/// exact), so a summary is the same bits however many workers shared the runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    runs: u32,
    grid: QuantileGrid,
    active_runs: Vec<u32>,
    goal_day_counts: Vec<u32>,
    cancel_day_counts: Vec<u32>,
    on_track_counts: [u32; 3],
    break_even_counts: Vec<u32>,
    crisis_counts: CrisisStats,
    faded: Vec<(f64, f64)>,
    events: Vec<CrisisRecord>,
    firestorm: Vec<(f64, f64)>,
    samples: Vec<SamplePath>,
    why: WhyTotals,
    /// The latest first day of spending over the runs that spend (None while none has).
    first_spend: Option<u32>,
    /// The first `RECORDS_KEPT` runs' few kept values.
    records: Vec<RunRecord>,
}

/// A game paused at a decision point, and its trace so far.
struct Game {
    paused: Paused,
    so_far: RunTrace,
}

/// The days the app and the goal probabilities report on.
pub const MILESTONES: [usize; 3] = [90, 180, 365];

/// Runs folded into the histograms at a time: the grid (9 MB at 730 days) is walked once per
/// batch, not per run. 128 runs keep the buffer at 6 MB; 64 cost 7 % more time natively (4 %
/// in wasm32); 256 gain nothing more since the grid's bins are prefetched (docs/PERFORMANCE.md).
const FOLD_BATCH: usize = 128;

/// Most crises listed one by one in a summary: memory stays bounded however many runs.
pub const MAX_CRISIS_RECORDS: usize = 20_000;

/// Most crises kept for the per-crisis medians; later ones are counted but not kept.
const CRISES_KEPT: usize = 4096;

impl MonteCarlo {
    /// Validates the scenario; `sample_paths` of the runs are kept whole.
    pub fn new(
        scenario: Scenario,
        seed: u64,
        runs: u32,
        sample_paths: u32,
    ) -> Result<Self, InvalidParam> {
        scenario.validate()?;
        let derived = Derived::new(&scenario);
        let days = derived.days() + 1;
        Ok(MonteCarlo {
            scenario,
            derived,
            seed,
            runs,
            first: 0,
            end: runs,
            done: 0,
            tally: Tally::new(days),
            sample_paths,
            trace: RunTrace::default(),
            pending: Vec::with_capacity(FOLD_BATCH.min(runs as usize) * days * N_METRICS),
            game: None,
            posterior: None,
        })
    }

    /// A fitted history's forecast: one run per kept future, each continued from the
    /// history's last day under `scenario`'s horizon and goal (the levers are each future's).
    pub fn continued(
        scenario: Scenario,
        continuation: Continuation,
        sample_paths: u32,
    ) -> Result<Self, InvalidParam> {
        let runs = continuation.futures.len() as u32;
        let mut mc = MonteCarlo::new(scenario, continuation.seed, runs, sample_paths)?;
        mc.posterior = Some(continuation);
        Ok(mc)
    }

    /// Only runs `first..end` of the `runs` (clamped to them): one worker's share.
    pub fn part(mut self, first: u32, end: u32) -> Self {
        self.end = end.min(self.runs);
        self.first = first.min(self.end);
        self
    }

    /// The futures still possible in a game: run `run` of the scenario played to the end of
    /// `day`, then `forks` continuations with new luck (the same firm). Common random numbers
    /// hold between plans that agree up to `day`: every fork's luck depends only on the seed,
    /// the fork and the day.
    pub fn from_day(
        scenario: Scenario,
        (seed, run, day): (u64, u64, u32),
        forks: u32,
        sample_paths: u32,
    ) -> Result<Self, InvalidParam> {
        let mut mc = MonteCarlo::new(scenario, seed, forks, sample_paths)?;
        let start = scenario.assumptions.starting_followers;
        let (so_far, paused) = play_until(&mc.derived, start, seed, run, day);
        mc.game = Some(Game { paused, so_far });
        Ok(mc)
    }

    pub fn is_done(&self) -> bool {
        self.first + self.done >= self.end
    }

    /// Runs done by this one (of its part).
    pub fn runs_done(&self) -> u32 {
        self.done
    }

    /// What the runs done so far add up to.
    pub fn tally(&mut self) -> &Tally {
        self.fold();
        &self.tally
    }

    /// Simulates up to `batch` more runs; returns true when all runs are done.
    pub fn step(&mut self, batch: u32) -> bool {
        let end = self.end.min((self.first + self.done).saturating_add(batch));
        while self.first + self.done < end {
            let run = (self.first + self.done) as u64;
            match (&self.posterior, &self.game) {
                (Some(p), _) => p.simulate(run, &mut self.trace),
                (None, None) => simulate(
                    &self.derived,
                    self.scenario.assumptions.starting_followers,
                    self.seed,
                    run,
                    &mut self.trace,
                ),
                (None, Some(g)) => {
                    self.trace.clone_from(&g.so_far);
                    simulate_fork(&self.derived, &g.paused, self.seed, run, &mut self.trace);
                }
            }
            self.absorb(run as u32);
            self.done += 1;
            if self.pending.len() >= FOLD_BATCH * self.trace.values.len() {
                self.fold();
            }
        }
        // Not folded here: a worker steps a few runs at a time, and each fold walks the
        // whole grid. The tally and the summaries fold what is pending when asked.
        self.is_done()
    }

    /// Runs everything and returns the final summary.
    pub fn run_all(mut self) -> Summary {
        self.step(u32::MAX);
        self.summary()
    }

    fn absorb(&mut self, run: u32) {
        let t = &self.trace;
        self.pending.extend_from_slice(&t.values);
        let on_track = MILESTONES.map(|day| {
            let day = day.min(t.days() - 1);
            let expected =
                self.derived.goal_leads() * (day as f64 / self.derived.goal_day() as f64).min(1.0);
            t.value(day, Metric::Leads) >= expected
        });
        self.tally.absorb(run, t, on_track, run < self.sample_paths);
    }

    fn fold(&mut self) {
        if !self.pending.is_empty() {
            self.tally.grid.add_batch(&self.pending);
            self.pending.clear();
        }
    }

    /// The summary of the runs done so far (callable after every batch).
    pub fn summary(&mut self) -> Summary {
        self.summary_with(true, true)
    }

    /// A summary for a streamed report: the crisis list (up to 20,000 records) and the sample
    /// paths are left out unless asked for, so they are not copied only to be dropped.
    pub fn partial_summary(&mut self, crisis_list: bool, samples: bool) -> Summary {
        self.summary_with(crisis_list, samples)
    }

    fn summary_with(&mut self, crisis_list: bool, samples: bool) -> Summary {
        self.fold();
        let whole = (self.scenario, self.seed, self.runs);
        self.tally.summary(whole, crisis_list, samples)
    }
}

impl Tally {
    fn new(days: usize) -> Self {
        Tally {
            runs: 0,
            grid: QuantileGrid::new(days * N_METRICS),
            active_runs: vec![0; days],
            goal_day_counts: vec![0; days],
            cancel_day_counts: vec![0; days],
            on_track_counts: [0; 3],
            break_even_counts: vec![0; days],
            crisis_counts: CrisisStats::default(),
            faded: Vec::new(),
            events: Vec::new(),
            firestorm: Vec::new(),
            samples: Vec::new(),
            why: WhyTotals::new(days),
            first_spend: None,
            records: Vec::new(),
        }
    }

    /// Leaves out the crisis list and the sample paths unless asked for: a streamed report
    /// need not carry them again.
    pub fn trim(&mut self, crisis_list: bool, samples: bool) {
        if !crisis_list {
            self.events = Vec::new();
        }
        if !samples {
            self.samples = Vec::new();
        }
    }

    /// Keeps the percentiles of every `step`-th day and the last (each metric's histograms of
    /// the other days are emptied; counts, sums and means stay whole): a picture that is
    /// refined later moves and merges about `1 / step` of the data. A summary reads the
    /// other days' percentiles off the kept days on either side, linearly.
    pub fn thin_days(&mut self, step: usize) {
        let last = self.active_runs.len().saturating_sub(1);
        let step = step.max(1);
        self.grid.keep_series(|s| {
            let day = s / N_METRICS;
            day % step == 0 || day == last
        });
    }

    /// Runs counted (the grid takes them in batches, see `MonteCarlo::fold`).
    pub fn runs(&self) -> u32 {
        self.runs
    }

    /// Counts run `run` (its values go to the grid separately, in batches).
    fn absorb(&mut self, run: u32, t: &RunTrace, on_track: [bool; 3], keep_path: bool) {
        self.runs += 1;
        self.why.add(&t.why);
        let spent_from = (0..t.days()).find(|&d| t.value(d, Metric::Cost) > 0.0);
        if let Some(b) = spent_from {
            self.first_spend = Some(self.first_spend.map_or(b as u32, |a| a.max(b as u32)));
        }
        if let Some(first) = t.first_active_day {
            let last = (t.active_days as usize).max(first as usize);
            for count in &mut self.active_runs[first as usize..=last] {
                *count += 1;
            }
        }
        let mark = |counts: &mut Vec<u32>, day: Option<u32>| {
            if let Some(d) = day {
                counts[d as usize] += 1;
            }
        };
        mark(&mut self.goal_day_counts, t.goal_day);
        for (count, hit) in self.on_track_counts.iter_mut().zip(on_track) {
            *count += hit as u32;
        }
        mark(&mut self.cancel_day_counts, t.cancelled_day);
        mark(&mut self.break_even_counts, t.break_even_day);
        self.count_crises(run, &t.crises);
        if keep_path {
            self.samples.push(sample_path(run, t));
        }
        if self.records.len() < RECORDS_KEPT {
            self.records.push(RunRecord::new(t));
        }
    }

    fn count_crises(&mut self, run: u32, crises: &[CrisisEvent]) {
        let c = &mut self.crisis_counts;
        c.total += crises.len() as u32;
        c.runs_with_crisis += !crises.is_empty() as u32;
        for e in crises {
            if self.events.len() < MAX_CRISIS_RECORDS {
                self.events.push(CrisisRecord { run, crisis: *e });
            }
            // Unfinished calm crises count, but their cost so far is not a faded crisis's cost.
            let kept = match e.outcome {
                CrisisOutcome::Firestorm => &mut self.firestorm,
                CrisisOutcome::Faded => &mut self.faded,
                CrisisOutcome::Ongoing => continue,
            };
            c.firestorms += (e.outcome == CrisisOutcome::Firestorm) as u32;
            if kept.len() < CRISES_KEPT {
                kept.push((e.followers_lost, e.trust_lost));
            }
        }
    }

    /// Adds the tally of runs that all come after this one's (a later part): the lists kept
    /// in run order (crises, sample paths) are appended and cut to the same length as one
    /// worker would have kept.
    pub fn merge(&mut self, later: &Tally) {
        let add = |a: &mut [u32], b: &[u32]| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        self.runs += later.runs;
        self.grid.merge(&later.grid);
        add(&mut self.active_runs, &later.active_runs);
        add(&mut self.goal_day_counts, &later.goal_day_counts);
        add(&mut self.cancel_day_counts, &later.cancel_day_counts);
        add(&mut self.on_track_counts, &later.on_track_counts);
        add(&mut self.break_even_counts, &later.break_even_counts);
        let (c, d) = (&mut self.crisis_counts, &later.crisis_counts);
        c.total += d.total;
        c.firestorms += d.firestorms;
        c.runs_with_crisis += d.runs_with_crisis;
        append(&mut self.events, &later.events, MAX_CRISIS_RECORDS);
        append(&mut self.faded, &later.faded, CRISES_KEPT);
        append(&mut self.firestorm, &later.firestorm, CRISES_KEPT);
        self.samples.extend(later.samples.iter().cloned());
        self.why.merge(&later.why);
        self.first_spend = self.first_spend.max(later.first_spend);
        let room = RECORDS_KEPT.saturating_sub(self.records.len());
        self.records
            .extend(later.records.iter().take(room).cloned());
    }

    /// The summary of these runs, of `runs` runs of `scenario` under `seed` in all.
    pub fn summary(
        &self,
        (scenario, seed, runs): (Scenario, u64, u32),
        crisis_list: bool,
        samples: bool,
    ) -> Summary {
        let days = self.active_runs.len();
        let n = self.runs.max(1) as f64;
        let bands = Metric::ALL
            .iter()
            .map(|&m| {
                let series = |f: &dyn Fn(usize) -> f64| {
                    (0..days)
                        .map(|d| f(d * N_METRICS + m.index()))
                        .collect::<Vec<_>>()
                };
                // A cumulative metric's percentile lines cannot fall: the histogram's bin
                // resolution could make them dip, so each line keeps its running maximum.
                let q = |p: f64| {
                    let mut line = series(&|s| self.grid.quantile(s, p));
                    // Days of a thinned tally (`thin_days`), read off the kept days.
                    fill_gaps(&mut line, |d| {
                        self.grid.has_values(d * N_METRICS + m.index())
                    });
                    if m.is_cumulative() {
                        running_max(&mut line);
                    }
                    line
                };
                Band {
                    name: m.name().to_string(),
                    p10: q(0.10),
                    p25: q(0.25),
                    p50: q(0.50),
                    p75: q(0.75),
                    p90: q(0.90),
                    mean: series(&|s| self.grid.mean(s)),
                }
            })
            .collect();
        let cumulative = |counts: &[u32]| {
            let mut total = 0u32;
            counts
                .iter()
                .map(|&c| {
                    total += c;
                    total as f64 / n
                })
                .collect::<Vec<_>>()
        };
        let goal = cumulative(&self.goal_day_counts);
        let cancelled = cumulative(&self.cancel_day_counts);
        let horizon = days as u32 - 1;
        let weekly = |daily: &[f64]| daily.iter().step_by(7).copied().collect::<Vec<_>>();
        let at = |daily: &[f64], day: usize| daily[day.min(daily.len() - 1)];
        let break_even = cumulative(&self.break_even_counts);
        let broke_even: u32 = self.break_even_counts.iter().sum();
        let break_even_day = |q: f64| {
            let target = (q * broke_even as f64).ceil().max(1.0) as u32;
            let mut seen = 0;
            self.break_even_counts
                .iter()
                .position(|&c| {
                    seen += c;
                    seen >= target
                })
                .filter(|_| broke_even > 0)
                .map(|d| d as u32)
        };
        let mut crises = self.crisis_counts.clone();
        crises.per_run_mean = crises.total as f64 / n;
        (crises.faded_followers_lost_p50, crises.faded_trust_lost_p50) = medians(&self.faded);
        (
            crises.firestorm_followers_lost_p50,
            crises.firestorm_trust_lost_p50,
        ) = medians(&self.firestorm);
        Summary {
            scenario,
            seed,
            runs,
            runs_done: self.runs,
            days: days as u32 - 1,
            metrics: bands,
            active: self.active_runs.iter().map(|&a| a as f64 / n).collect(),
            goal_p90: at(&goal, 90),
            goal_p180: at(&goal, 180),
            goal_p365: at(&goal, 365),
            on_track: self.on_track_counts.map(|c| c as f64 / n),
            goal_by_week: weekly(&goal),
            cancelled_by_week: weekly(&cancelled),
            break_even_by_week: weekly(&break_even),
            break_even_p10: break_even_day(0.1),
            break_even_p50: break_even_day(0.5),
            break_even_p90: break_even_day(0.9),
            crises,
            crisis_events: if crisis_list {
                self.events.clone()
            } else {
                Vec::new()
            },
            samples: if samples {
                self.samples.clone()
            } else {
                Vec::new()
            },
            roi_defined_from_day: self.first_spend,
            why: self.why.why(),
            splits: per_run::splits(&self.records, horizon, |d| cancelled[d as usize]),
            predictors: per_run::predictors(&self.records, horizon),
        }
    }
}

/// Sets each value of `line` whose day `kept` refuses by a straight line between the nearest
/// kept days on either side (the nearest one past the first or last). Unchanged when every
/// day is kept, or none (no runs yet).
fn fill_gaps(line: &mut [f64], kept: impl Fn(usize) -> bool) {
    let kept: Vec<usize> = (0..line.len()).filter(|&d| kept(d)).collect();
    if kept.is_empty() || kept.len() == line.len() {
        return;
    }
    let (first, last) = (kept[0], kept[kept.len() - 1]);
    let (start, end) = (line[first], line[last]);
    line[..first].fill(start);
    line[last + 1..].fill(end);
    for pair in kept.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let (ya, yb) = (line[a], line[b]);
        for (k, y) in line[a + 1..b].iter_mut().enumerate() {
            *y = ya + (yb - ya) * (k + 1) as f64 / (b - a) as f64;
        }
    }
}

/// Appends `b` to `a`, keeping at most `most` in all.
fn append<T: Copy>(a: &mut Vec<T>, b: &[T], most: usize) {
    a.extend(b.iter().take(most.saturating_sub(a.len())).copied())
}

fn running_max(line: &mut [f64]) {
    let mut top = f64::NEG_INFINITY;
    for v in line {
        top = top.max(*v);
        *v = top;
    }
}

fn medians(pairs: &[(f64, f64)]) -> (f64, f64) {
    if pairs.is_empty() {
        return (0.0, 0.0);
    }
    let median = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    (
        median(pairs.iter().map(|p| p.0).collect()),
        median(pairs.iter().map(|p| p.1).collect()),
    )
}

fn sample_path(run: u32, t: &RunTrace) -> SamplePath {
    SamplePath {
        run,
        metrics: Metric::ALL
            .iter()
            .map(|&m| (0..t.days()).map(|d| t.value(d, m)).collect())
            .collect(),
        crises: t.crises.iter().map(crisis_mark).collect(),
        cancelled_day: t.cancelled_day,
    }
}

fn crisis_mark(e: &CrisisEvent) -> CrisisMark {
    CrisisMark {
        day: e.day,
        outcome: e.outcome,
        followers_lost: e.followers_lost,
        trust_lost: e.trust_lost,
    }
}

/// One outcome (`metric` on `day`) of every run of a scenario, in run order: what a class of
/// teams is compared on, future by future (common random numbers: run `i` is the same future
/// for every plan).
pub fn outcomes_per_run(
    scenario: &Scenario,
    seed: u64,
    runs: u32,
    metric: Metric,
    day: usize,
) -> Result<Vec<f64>, InvalidParam> {
    scenario.validate()?;
    let derived = Derived::new(scenario);
    let day = day.min(derived.days());
    let mut trace = RunTrace::default();
    Ok((0..runs as u64)
        .map(|run| {
            let start = scenario.assumptions.starting_followers;
            simulate(&derived, start, seed, run, &mut trace);
            trace.value(day, metric)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thinned_tally_keeps_its_days_and_reads_the_others_between_them() {
        let scenario = Scenario::default();
        let mut mc = MonteCarlo::new(scenario, 3, 60, 2).unwrap();
        mc.step(60);
        let tally = mc.tally().clone();
        let mut thin = tally.clone();
        thin.thin_days(7);
        let whole = (scenario, 3, 60);
        let full = tally.summary(whole, true, true);
        let coarse = thin.summary(whole, true, true);
        let last = full.days as usize;
        for (m, (f, c)) in Metric::ALL
            .iter()
            .zip(full.metrics.iter().zip(&coarse.metrics))
        {
            assert_eq!(f.mean, c.mean, "{}: means stay exact", f.name);
            for (f, c) in [(&f.p10, &c.p10), (&f.p50, &c.p50), (&f.p90, &c.p90)] {
                for d in 0..=last {
                    let (a, b) = (d / 7 * 7, (d / 7 * 7 + 7).min(last));
                    if d == a || d == last {
                        // A cumulative line's running maximum may differ where the full
                        // line dipped between kept days.
                        if !m.is_cumulative() {
                            assert_eq!(c[d], f[d], "{} day {d}: a kept day", m.name());
                        }
                    } else {
                        let (lo, hi) = (c[a].min(c[b]), c[a].max(c[b]));
                        assert!((lo..=hi).contains(&c[d]), "{} day {d}", m.name());
                    }
                }
            }
        }
        let mut rest = coarse.clone();
        rest.metrics = full.metrics.clone();
        assert_eq!(rest, full, "only the percentile lines change");
    }
}
