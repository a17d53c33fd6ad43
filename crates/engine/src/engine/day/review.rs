//! Mechanisms 7 and 8: management's reviews on a fixed calendar, and a cancelled programme.
//! A child of the daily step, so it reads the step's state directly.

use super::{State, Streams};
use crate::constants::*;
use crate::engine::{expected_after, Derived, RunTrace};

/// 7. Leadership reviews on a fixed calendar: management judges results against a straight
///    line that starts after the grace its buy-in gives. Review k draws the k-th patience draw,
///    so the levers never move management onto other luck (common random numbers).
///    8. Cancelled: spending stops, attention and capability decay, the page stays up.
#[inline(always)]
pub(super) fn review(d: &Derived, day: u32, st: &mut State, rng: &mut Streams, out: &mut RunTrace) {
    if st.active {
        out.active_days = day;
    }
    if day != st.next_review {
        return;
    }
    st.next_review += REVIEW_EVERY_DAYS; // the calendar runs on while a plan pauses
    let draw = rng.review.uniform();
    if !st.active || !d.mechanisms.reviews {
        return;
    }
    let running = (day - st.started) as f64;
    let expected = expected_after(d.goal_leads, d.goal_day, running, d.grace);
    if expected <= 0.0 {
        return; // still within the grace
    }
    st.reviews += 1;
    let shortfall = (1.0 - (st.leads - st.leads_at_start) / expected).clamp(0.0, 1.0);
    // A verdict on a few days of expectation is a weak one: its weight grows over six weeks.
    let judged = running - d.grace;
    let weight = (judged / FIRST_REVIEW_DAYS as f64).min(1.0);
    if draw < libm::pow(1.0 - d.buy_in, 1.5) * shortfall.sqrt() * weight {
        st.active = false;
        out.cancelled_day = Some(day);
        out.why.review_cancel_day = Some(day);
        out.why.cancelled_at_first_review = st.reviews == 1;
    }
}
