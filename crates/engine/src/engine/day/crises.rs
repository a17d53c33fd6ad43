//! Mechanism 5 (cont.): a crisis's arrival and its cascade, and how one is recorded when it
//! ends. A child of the daily step, so it reads the step's state directly.

use super::{positive, Attention, Exchange, State, Streams};
use crate::company::Company;
use crate::constants::*;
use crate::engine::{CrisisEvent, CrisisOutcome, Derived, RunTrace, MAX_CRISES_RECORDED};

#[derive(Clone)]
pub(super) struct Crisis {
    pub(super) start: u32,
    initial: f64,
    /// Most angry messages a day: in proportion to the attention the page had.
    cap: f64,
    /// Most angry messages in all: in proportion to the same attention.
    ceiling: f64,
    pub(super) intensity: f64,
    /// Angry messages that arrived today (drawn with the day's messages).
    pub(super) angry_today: f64,
    peak: f64,
    total: f64,
    pub(super) followers_lost: f64,
    trust_before: f64,
}

impl Crisis {
    /// Records the crisis as it stands on `day`: a firestorm if its peak outgrew its start,
    /// otherwise `calm` (faded when it ended, ongoing when the horizon came first).
    pub(super) fn record(&self, day: u32, trust: f64, calm: CrisisOutcome, out: &mut RunTrace) {
        let outcome = if self.peak > FIRESTORM_FACTOR * self.initial {
            CrisisOutcome::Firestorm
        } else {
            calm
        };
        *match outcome {
            CrisisOutcome::Faded => &mut out.why.crises_faded,
            CrisisOutcome::Firestorm => &mut out.why.crises_firestorm,
            CrisisOutcome::Ongoing => &mut out.why.crises_ongoing,
        } += 1.0;
        if out.crises.len() < MAX_CRISES_RECORDED {
            out.crises.push(CrisisEvent {
                day: self.start,
                days_lasted: day - self.start + 1,
                angry_messages: self.total,
                peak_per_day: self.peak,
                followers_lost: self.followers_lost,
                trust_lost: 100.0 * (self.trust_before - trust),
                outcome,
            });
        }
    }
}

/// 5 (cont.). Crisis arrival and the cascade: each angry message begets `branching` more
/// tomorrow, up to a ceiling in proportion to the attention the page had.
#[allow(clippy::too_many_arguments)]
#[inline(always)]
pub(super) fn crises(
    d: &Derived,
    co: &Company,
    day: u32,
    st: &mut State,
    att: &Attention,
    ex: &Exchange,
    rng: &mut Streams,
    out: &mut RunTrace,
) {
    let arrival = rng.crisis.uniform();
    if let Some(c) = st.crisis.as_mut() {
        let age = (day - c.start) as f64;
        let mishandled = (1.0 - ex.handling) * (1.0 - ex.handling);
        let branching = (BRANCHING_HANDLED
            + (d.branching_ignored - BRANCHING_HANDLED) * mishandled)
            * libm::pow(NEWS_FATIGUE, age);
        let angry = c.angry_today;
        c.total += angry;
        c.peak = c.peak.max(angry);
        c.intensity = (angry * branching).min(c.cap);
        // Everyone who cares has had their say: a crisis burns out within its audience.
        if c.total >= c.ceiling {
            c.intensity = 0.0;
        }
        if c.intensity < 0.5 {
            let done = st.crisis.take().expect("running");
            done.record(day, st.trust, CrisisOutcome::Faded, out);
        }
        return;
    }
    let distrust = positive(1.0 - 2.0 * st.trust);
    let forced = day == d.crisis_day;
    let exposure = (0.25 + 0.75 * st.followers / (st.followers + CRISIS_AUDIENCE_HALF))
        * if st.page {
            1.0
        } else {
            NO_PAGE_CRISIS_EXPOSURE
        };
    // A scheduled moment of truth is the run's first: no random one pre-empts it.
    let scheduled_later = day < d.crisis_day && d.crisis_day <= d.days;
    let rate = CRISIS_RATE * co.crisis * (1.0 + 2.0 * distrust) * (1.0 - st.fixed);
    let random = !scheduled_later && arrival < rate * exposure;
    if forced || random {
        let attention = st.followers + att.organic_reach + att.paid_reach;
        let initial = CRISIS_INITIAL + CRISIS_PER_ATTENTION * attention;
        st.crisis = Some(Crisis {
            start: day,
            initial,
            cap: CRISIS_CAP_MIN + CRISIS_CAP_PER_ATTENTION * attention,
            ceiling: CRISIS_CEILING_MIN + CRISIS_CEILING_PER_ATTENTION * attention,
            intensity: initial,
            angry_today: 0.0,
            peak: 0.0,
            total: 0.0,
            followers_lost: 0.0,
            trust_before: st.trust,
        });
    }
}
