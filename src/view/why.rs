//! "Why did this happen?" in plain sentences: where the money went, where followers came from
//! and went, where leads came from, how people were answered, crises and cancellations; and,
//! in compare, what differs most between A and B. Worded from the engine's counters.

use crate::i18n::{tr, trf, Lang};
use crate::model::why::{differences, highlights, Cause, Reason, Why};
use crate::view::format::{chance, full, money};

/// The translation key of a cause as a short source or loss ("paid promotion", "crises"),
/// for "New followers came mostly from ...".
fn source_key(c: Cause) -> String {
    cause_key(c).replace("why.cause.", "why.source.")
}

/// The translation key naming a cause in full ("Followers from paid promotion", ...).
pub fn cause_key(c: Cause) -> &'static str {
    match c {
        Cause::SpentContent => "why.cause.spent_content",
        Cause::SpentCommunity => "why.cause.spent_community",
        Cause::SpentPromotion => "why.cause.spent_promotion",
        Cause::FollowersPaid => "why.cause.followers_paid",
        Cause::FollowersDiscovery => "why.cause.followers_discovery",
        Cause::FollowersWordOfMouth => "why.cause.followers_word_of_mouth",
        Cause::LostNeglect => "why.cause.lost_neglect",
        Cause::LostFatigue => "why.cause.lost_fatigue",
        Cause::LostCrises => "why.cause.lost_crises",
        Cause::LostDistrust => "why.cause.lost_distrust",
        Cause::LeadsOrganic => "why.cause.leads_organic",
        Cause::LeadsPaid => "why.cause.leads_paid",
        Cause::AnsweredShare => "why.cause.answered_share",
        Cause::ReplyHours => "why.cause.reply_hours",
        Cause::MessagesAfterEnd => "why.cause.messages_after_end",
        Cause::Firestorms => "why.cause.firestorms",
        Cause::Cancelled => "why.cause.cancelled",
    }
}

/// A cause's value as people read it: money, a share, hours or a count.
pub fn cause_value(l: Lang, c: Cause, v: f64) -> String {
    match c {
        Cause::SpentContent | Cause::SpentCommunity | Cause::SpentPromotion => money(l, v.round()),
        Cause::AnsweredShare | Cause::Cancelled => chance(l, v),
        Cause::ReplyHours => trf(l, "why.hours", &[&full(l, v.round())]),
        Cause::Firestorms => crate::i18n::decimal(l, (v * 10.0).round() / 10.0),
        _ => full(l, v.round()),
    }
}

fn share(part: f64, total: f64) -> f64 {
    if total > 0.0 {
        part / total
    } else {
        0.0
    }
}

/// The sentences for one scenario, each a complete statement a room understands.
pub fn sentences(l: Lang, w: &Why) -> Vec<String> {
    let mut out = Vec::new();
    let spent = w.spent_content + w.spent_community + w.spent_promotion;
    if spent > 0.0 {
        out.push(trf(
            l,
            "why.budget",
            &[
                &money(l, spent.round()),
                &chance(l, share(w.spent_content, spent)),
                &chance(l, share(w.spent_community, spent)),
                &chance(l, share(w.spent_promotion, spent)),
            ],
        ));
    } else {
        out.push(tr(l, "why.nothing_spent").to_string());
    }
    for r in highlights(w) {
        let key = match r.cause {
            Cause::FollowersPaid | Cause::FollowersDiscovery | Cause::FollowersWordOfMouth => {
                "why.followers_from"
            }
            Cause::LeadsOrganic | Cause::LeadsPaid => "why.leads_from",
            _ => "why.lost_to",
        };
        let what = crate::i18n::tr_dyn(l, &source_key(r.cause));
        out.push(trf(
            l,
            key,
            &[&what, &chance(l, share(r.a, r.b)), &full(l, r.b.round())],
        ));
    }
    if w.messages >= 1.0 && w.answered_share == 0.0 {
        out.push(trf(l, "why.answers_none", &[&full(l, w.messages.round())]));
    } else if w.messages >= 1.0 {
        out.push(trf(
            l,
            "why.answers",
            &[
                &full(l, w.messages.round()),
                &chance(l, w.answered_share),
                &full(l, w.reply_hours.round()),
            ],
        ));
    }
    if w.messages_after_end >= 1.0 {
        out.push(trf(
            l,
            "why.after_end",
            &[&full(l, w.messages_after_end.round())],
        ));
    }
    let crises = w.crises_faded + w.crises_firestorm + w.crises_ongoing;
    if crises >= 0.05 {
        let d = |v: f64| crate::i18n::decimal(l, (v * 10.0).round() / 10.0);
        out.push(trf(
            l,
            "why.crises",
            &[&d(crises), &d(w.crises_faded), &d(w.crises_firestorm)],
        ));
    }
    match w.cancel_day_p50 {
        Some(day) if w.cancelled_share > 0.0 => out.push(trf(
            l,
            "why.cancelled",
            &[
                &chance(l, w.cancelled_share),
                &day,
                &chance(
                    l,
                    share(w.cancelled_at_first_review_share, w.cancelled_share),
                ),
            ],
        )),
        _ => out.push(tr(l, "why.never_cancelled").to_string()),
    }
    out
}

/// What differs most between A and B, as sentences ("Followers from paid promotion: A 5,000,
/// B 200.").
pub fn compare_sentences(l: Lang, a: &Why, b: &Why) -> Vec<String> {
    differences(a, b, 4)
        .iter()
        .map(|r: &Reason| {
            let key = if r.b > r.a {
                "why.diff.more"
            } else {
                "why.diff.less"
            };
            trf(
                l,
                key,
                &[
                    &tr(l, cause_key(r.cause)),
                    &cause_value(l, r.cause, r.a),
                    &cause_value(l, r.cause, r.b),
                ],
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tr_dyn;
    use crate::model::{preset, MonteCarlo};

    fn why_of(id: &str) -> Why {
        let s = preset(id).unwrap().scenario;
        MonteCarlo::new(s, 7, 100, 0).unwrap().run_all().why
    }

    /// Causes a highlight can name (a source of followers or leads, or a loss).
    fn highlights_group(c: Cause) -> bool {
        !matches!(
            c,
            Cause::SpentContent
                | Cause::SpentCommunity
                | Cause::SpentPromotion
                | Cause::AnsweredShare
                | Cause::ReplyHours
                | Cause::MessagesAfterEnd
                | Cause::Firestorms
                | Cause::Cancelled
        )
    }

    #[test]
    fn every_cause_and_sentence_is_worded_in_both_languages() {
        for l in [Lang::En, Lang::Sv] {
            for c in Cause::ALL {
                assert_ne!(tr_dyn(l, cause_key(c)), cause_key(c), "{c:?} in {l:?}");
            }
            for c in Cause::ALL.into_iter().filter(|c| highlights_group(*c)) {
                assert_ne!(tr_dyn(l, &source_key(c)), source_key(c), "{c:?} in {l:?}");
            }
        }
        let w = why_of("committed");
        let (en, sv) = (sentences(Lang::En, &w), sentences(Lang::Sv, &w));
        assert_eq!(en.len(), sv.len());
        assert!(
            en.iter().chain(&sv).all(|s| !s.contains('{')),
            "{en:?} {sv:?}"
        );
    }

    #[test]
    fn a_committed_programme_is_explained_by_where_its_money_and_followers_went() {
        let text = sentences(Lang::En, &why_of("committed")).join(" ");
        assert!(text.contains("went to content"), "{text}");
        assert!(text.contains("New followers came mostly from"), "{text}");
        assert!(text.contains("were answered"), "{text}");
        let never = sentences(Lang::En, &why_of("never-started")).join(" ");
        assert!(never.contains("Nothing was spent"), "{never}");
        assert!(!never.contains("within 0 hours"), "{never}");
    }

    #[test]
    fn compare_names_what_differs_between_a_half_hearted_and_a_committed_plan() {
        let (a, b) = (why_of("half-hearted"), why_of("committed"));
        let said = compare_sentences(Lang::En, &a, &b);
        assert!(!said.is_empty());
        assert!(said.len() <= 4);
        assert!(
            said.iter().all(|s| s.contains("A ") && s.contains("B ")),
            "{said:?}"
        );
        assert!(
            compare_sentences(Lang::En, &a, &a).is_empty(),
            "a plan does not differ from itself"
        );
    }
}
