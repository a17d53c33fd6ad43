//! "Why did this happen?": a handful of counters per run, their means over runs, and the
//! largest differences between two scenarios as structured data (the app words them).

use super::exact_sum::ExactSum;
use serde::{Deserialize, Serialize};

/// One run's counters: where the money went, where followers came from and went, where leads
/// came from, how messages were answered, how crises ended. Plain numbers: no allocation.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RunWhy {
    pub spent_content: f64,
    pub spent_community: f64,
    pub spent_promotion: f64,
    pub followers_paid: f64,
    pub followers_discovery: f64,
    pub followers_word_of_mouth: f64,
    pub lost_neglect: f64,
    pub lost_fatigue: f64,
    pub lost_crises: f64,
    pub lost_distrust: f64,
    pub lost_natural: f64,
    pub leads_organic: f64,
    pub leads_paid: f64,
    pub engagements: f64,
    pub clicks: f64,
    pub messages: f64,
    pub answered: f64,
    /// Sum over answered messages of their typical delay in hours.
    pub answer_hours: f64,
    /// Messages that reached the page after the programme ended (nobody there to answer).
    pub messages_after_end: f64,
    pub crises_faded: f64,
    pub crises_firestorm: f64,
    pub crises_ongoing: f64,
    /// The review day on which management cancelled the programme (not a `stop_day`).
    pub review_cancel_day: Option<u32>,
    /// That review was the first one.
    pub cancelled_at_first_review: bool,
    /// The day a plan's later change restarted the programme after management cancelled it.
    pub restarted_day: Option<u32>,
}

/// The counters summarised over runs: means per run, except where a field says otherwise.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Why {
    /// Euros spent on content, community management (answers) and paid promotion.
    pub spent_content: f64,
    pub spent_community: f64,
    pub spent_promotion: f64,
    /// Followers gained from paid promotion, organic discovery and word of mouth.
    pub followers_paid: f64,
    pub followers_discovery: f64,
    pub followers_word_of_mouth: f64,
    /// Followers lost to a silent or abandoned page, posting fatigue, crises, low trust and
    /// ordinary turnover.
    pub lost_neglect: f64,
    pub lost_fatigue: f64,
    pub lost_crises: f64,
    pub lost_distrust: f64,
    pub lost_natural: f64,
    /// Leads from organic engagement and from paid clicks.
    pub leads_organic: f64,
    pub leads_paid: f64,
    /// Organic engagements and paid clicks (where the leads came from).
    pub engagements: f64,
    pub clicks: f64,
    /// Messages that arrived (including angry ones) and the share of them answered (all runs).
    pub messages: f64,
    pub answered_share: f64,
    /// Typical delay of an answer, in hours (mean over answered messages).
    pub reply_hours: f64,
    /// Messages that reached the page after the programme ended, with nobody to answer them.
    pub messages_after_end: f64,
    /// Crises per run by how they ended.
    pub crises_faded: f64,
    pub crises_firestorm: f64,
    pub crises_ongoing: f64,
    /// Share of runs management cancelled at a review, and at the first review.
    pub cancelled_share: f64,
    pub cancelled_at_first_review_share: f64,
    /// Median day of those cancellations (None when none was cancelled).
    pub cancel_day_p50: Option<u32>,
}

/// The counters of [`RunWhy`] that are summed over runs, in one order for [`WhyTotals`].
const SUMMED: usize = 22;

impl RunWhy {
    /// Management's cancellation, if it still stands at the horizon (a plan's later change may
    /// have restarted the programme).
    pub fn standing_cancel_day(&self) -> Option<u32> {
        self.review_cancel_day
            .filter(|day| self.restarted_day.is_none_or(|restart| *day >= restart))
    }

    fn summed(&self) -> [f64; SUMMED] {
        [
            self.spent_content,
            self.spent_community,
            self.spent_promotion,
            self.followers_paid,
            self.followers_discovery,
            self.followers_word_of_mouth,
            self.lost_neglect,
            self.lost_fatigue,
            self.lost_crises,
            self.lost_distrust,
            self.lost_natural,
            self.leads_organic,
            self.leads_paid,
            self.engagements,
            self.clicks,
            self.messages,
            self.answered,
            self.answer_hours,
            self.messages_after_end,
            self.crises_faded,
            self.crises_firestorm,
            self.crises_ongoing,
        ]
    }

    fn from_summed(v: [f64; SUMMED]) -> RunWhy {
        let [spent_content, spent_community, spent_promotion, followers_paid, followers_discovery, followers_word_of_mouth, lost_neglect, lost_fatigue, lost_crises, lost_distrust, lost_natural, leads_organic, leads_paid, engagements, clicks, messages, answered, answer_hours, messages_after_end, crises_faded, crises_firestorm, crises_ongoing] =
            v;
        RunWhy {
            spent_content,
            spent_community,
            spent_promotion,
            followers_paid,
            followers_discovery,
            followers_word_of_mouth,
            lost_neglect,
            lost_fatigue,
            lost_crises,
            lost_distrust,
            lost_natural,
            leads_organic,
            leads_paid,
            engagements,
            clicks,
            messages,
            answered,
            answer_hours,
            messages_after_end,
            crises_faded,
            crises_firestorm,
            crises_ongoing,
            review_cancel_day: None,
            cancelled_at_first_review: false,
            restarted_day: None,
        }
    }
}

/// Sums [`RunWhy`] over runs and turns them into a [`Why`]. Exact sums, so totals of runs
/// split between workers merge to the same bits.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WhyTotals {
    sum: [ExactSum; SUMMED],
    runs: u32,
    cancelled: u32,
    at_first: u32,
    /// Runs cancelled at a review, by day.
    cancel_days: Vec<u32>,
}

impl WhyTotals {
    pub fn new(days: usize) -> Self {
        WhyTotals {
            cancel_days: vec![0; days + 1],
            ..WhyTotals::default()
        }
    }

    pub fn add(&mut self, w: &RunWhy) {
        for (sum, x) in self.sum.iter_mut().zip(w.summed()) {
            sum.add(x);
        }
        self.runs += 1;
        if let Some(day) = w.standing_cancel_day() {
            self.cancelled += 1;
            self.at_first += w.cancelled_at_first_review as u32;
            let last = self.cancel_days.len() - 1;
            self.cancel_days[(day as usize).min(last)] += 1;
        }
    }

    /// Adds the totals of other runs.
    pub fn merge(&mut self, other: &WhyTotals) {
        for (sum, x) in self.sum.iter_mut().zip(&other.sum) {
            sum.merge(x);
        }
        self.runs += other.runs;
        self.cancelled += other.cancelled;
        self.at_first += other.at_first;
        for (a, b) in self.cancel_days.iter_mut().zip(&other.cancel_days) {
            *a += b;
        }
    }

    pub fn why(&self) -> Why {
        let n = self.runs.max(1) as f64;
        let s = &RunWhy::from_summed(self.sum.map(|x| x.value()));
        let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
        let mut seen = 0;
        let cancel_day_p50 = (self.cancelled > 0)
            .then(|| {
                self.cancel_days.iter().position(|&c| {
                    seen += c;
                    2 * seen >= self.cancelled
                })
            })
            .flatten()
            .map(|d| d as u32);
        Why {
            spent_content: s.spent_content / n,
            spent_community: s.spent_community / n,
            spent_promotion: s.spent_promotion / n,
            followers_paid: s.followers_paid / n,
            followers_discovery: s.followers_discovery / n,
            followers_word_of_mouth: s.followers_word_of_mouth / n,
            lost_neglect: s.lost_neglect / n,
            lost_fatigue: s.lost_fatigue / n,
            lost_crises: s.lost_crises / n,
            lost_distrust: s.lost_distrust / n,
            lost_natural: s.lost_natural / n,
            leads_organic: s.leads_organic / n,
            leads_paid: s.leads_paid / n,
            engagements: s.engagements / n,
            clicks: s.clicks / n,
            messages: s.messages / n,
            answered_share: ratio(s.answered, s.messages),
            reply_hours: ratio(s.answer_hours, s.answered),
            messages_after_end: s.messages_after_end / n,
            crises_faded: s.crises_faded / n,
            crises_firestorm: s.crises_firestorm / n,
            crises_ongoing: s.crises_ongoing / n,
            cancelled_share: self.cancelled as f64 / n,
            cancelled_at_first_review_share: self.at_first as f64 / n,
            cancel_day_p50,
        }
    }
}

/// One thing a "Why?" panel can say, named so that the app can word it in any language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    SpentContent,
    SpentCommunity,
    SpentPromotion,
    FollowersPaid,
    FollowersDiscovery,
    FollowersWordOfMouth,
    LostNeglect,
    LostFatigue,
    LostCrises,
    LostDistrust,
    LeadsOrganic,
    LeadsPaid,
    AnsweredShare,
    ReplyHours,
    MessagesAfterEnd,
    Firestorms,
    Cancelled,
}

impl Cause {
    pub const ALL: [Cause; 17] = [
        Cause::SpentContent,
        Cause::SpentCommunity,
        Cause::SpentPromotion,
        Cause::FollowersPaid,
        Cause::FollowersDiscovery,
        Cause::FollowersWordOfMouth,
        Cause::LostNeglect,
        Cause::LostFatigue,
        Cause::LostCrises,
        Cause::LostDistrust,
        Cause::LeadsOrganic,
        Cause::LeadsPaid,
        Cause::AnsweredShare,
        Cause::ReplyHours,
        Cause::MessagesAfterEnd,
        Cause::Firestorms,
        Cause::Cancelled,
    ];

    /// The value this cause reads from a summary's counters.
    pub fn value(self, w: &Why) -> f64 {
        match self {
            Cause::SpentContent => w.spent_content,
            Cause::SpentCommunity => w.spent_community,
            Cause::SpentPromotion => w.spent_promotion,
            Cause::FollowersPaid => w.followers_paid,
            Cause::FollowersDiscovery => w.followers_discovery,
            Cause::FollowersWordOfMouth => w.followers_word_of_mouth,
            Cause::LostNeglect => w.lost_neglect,
            Cause::LostFatigue => w.lost_fatigue,
            Cause::LostCrises => w.lost_crises,
            Cause::LostDistrust => w.lost_distrust,
            Cause::LeadsOrganic => w.leads_organic,
            Cause::LeadsPaid => w.leads_paid,
            Cause::AnsweredShare => w.answered_share,
            Cause::ReplyHours => w.reply_hours,
            Cause::MessagesAfterEnd => w.messages_after_end,
            Cause::Firestorms => w.crises_firestorm,
            Cause::Cancelled => w.cancelled_share,
        }
    }

    /// Differences smaller than this are noise, not a reason (in the cause's own unit).
    fn floor(self) -> f64 {
        match self {
            Cause::SpentContent | Cause::SpentCommunity | Cause::SpentPromotion => 500.0,
            Cause::AnsweredShare | Cause::Cancelled => 0.1,
            Cause::ReplyHours => 2.0,
            Cause::Firestorms => 0.2,
            _ => 10.0,
        }
    }
}

/// One reason: a cause with its value in scenario A and in scenario B.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub cause: Cause,
    pub a: f64,
    pub b: f64,
}

impl Reason {
    /// How much the two values differ, relative to the larger one (0–1), once past the floor.
    pub fn weight(&self) -> f64 {
        let gap = (self.a - self.b).abs();
        if gap < self.cause.floor() {
            return 0.0;
        }
        gap / self.a.abs().max(self.b.abs())
    }
}

/// The `n` causes that differ most between two scenarios' counters, largest first.
pub fn differences(a: &Why, b: &Why, n: usize) -> Vec<Reason> {
    let mut reasons: Vec<Reason> = Cause::ALL
        .iter()
        .map(|&cause| Reason {
            cause,
            a: cause.value(a),
            b: cause.value(b),
        })
        .filter(|r| r.weight() > 0.2)
        .collect();
    // Largest relative difference first; among equals (say, 0 against something), the one
    // furthest past its noise floor.
    let key = |r: &Reason| (r.weight(), (r.a - r.b).abs() / r.cause.floor());
    reasons.sort_by(|x, y| {
        let (kx, ky) = (key(x), key(y));
        ky.0.total_cmp(&kx.0).then(ky.1.total_cmp(&kx.1))
    });
    reasons.truncate(n);
    reasons
}

/// The main source of followers, the main loss and the main source of leads of one scenario:
/// each reason carries the cause's value (`a`) and the total it is part of (`b`).
pub fn highlights(w: &Why) -> Vec<Reason> {
    let groups: [&[Cause]; 3] = [
        &[
            Cause::FollowersPaid,
            Cause::FollowersDiscovery,
            Cause::FollowersWordOfMouth,
        ],
        &[
            Cause::LostNeglect,
            Cause::LostFatigue,
            Cause::LostCrises,
            Cause::LostDistrust,
        ],
        &[Cause::LeadsOrganic, Cause::LeadsPaid],
    ];
    groups
        .iter()
        .filter_map(|group| {
            let total: f64 = group.iter().map(|c| c.value(w)).sum();
            let top = group
                .iter()
                .max_by(|x, y| x.value(w).total_cmp(&y.value(w)))?;
            (top.value(w) > 0.0).then_some(Reason {
                cause: *top,
                a: top.value(w),
                b: total,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_name_the_largest_gap_first_and_ignore_noise() {
        let a = Why {
            followers_paid: 5000.0,
            leads_paid: 100.0,
            leads_organic: 103.0,
            ..Why::default()
        };
        let b = Why {
            followers_paid: 200.0,
            leads_paid: 60.0,
            leads_organic: 100.0,
            ..Why::default()
        };
        let d = differences(&a, &b, 5);
        assert_eq!(d[0].cause, Cause::FollowersPaid);
        assert!(d.iter().all(|r| r.cause != Cause::LeadsOrganic));
    }
}
