//! Placing a chart's labels so that none is drawn over another: each label has places it may
//! go, tried in order; the most important labels are placed first, and a label with no free
//! place is left out (its line or mark still shows). Text widths are estimated generously from
//! the number of characters, so a placed label's real box fits inside the estimated one.

/// A box in viewBox units: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    fn inside(&self, o: &Rect) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }
}

/// How text is anchored at its x (SVG `text-anchor`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    pub fn attr(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// One place a label may go: its text's anchor point (baseline) and anchoring.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spot {
    pub x: f64,
    pub y: f64,
    pub anchor: Anchor,
}

/// The widest a character of the charts' sans-serif is on average, in ems (digits and
/// lower case of DejaVu Sans, the widest common Linux font, are 0.55–0.64; bold adds ~10 %).
const EM_WIDTH: f64 = 0.64;
const BOLD: f64 = 1.12;
/// A line's height above and below the baseline, in ems (DejaVu Sans: 0.93 and 0.24, as a
/// browser measures a text's box).
const ASCENT: f64 = 0.93;
const DESCENT: f64 = 0.24;
/// Space kept between two labels, in viewBox units.
pub const GAP: f64 = 2.0;
/// Rows of labels this far apart (in ems, plus [`GAP`]) never meet.
pub const ROW: f64 = 1.2;

/// The box of `text` drawn at `spot` with a font of `size` units.
pub fn text_box(text: &str, spot: Spot, size: f64, bold: bool) -> Rect {
    let w = text.chars().count() as f64 * size * EM_WIDTH * if bold { BOLD } else { 1.0 };
    let x0 = match spot.anchor {
        Anchor::Start => spot.x,
        Anchor::Middle => spot.x - w / 2.0,
        Anchor::End => spot.x - w,
    };
    Rect {
        x0: x0 - GAP / 2.0,
        y0: spot.y - size * ASCENT - GAP / 2.0,
        x1: x0 + w + GAP / 2.0,
        y1: spot.y + size * DESCENT + GAP / 2.0,
    }
}

/// The box of a round mark (a circle of radius `r` at `x`, `y`), which labels keep clear of.
pub fn circle_box(x: f64, y: f64, r: f64) -> Rect {
    Rect {
        x0: x - r,
        y0: y - r,
        x1: x + r,
        y1: y + r,
    }
}

/// A label to place: its text, how it is drawn, and where it may go (best first).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub size: f64,
    pub bold: bool,
    pub spots: Vec<Spot>,
}

/// Places `labels` (most important first) inside `bounds`, clear of `taken` (tick labels and
/// other fixed text) and of each other. Returns, for each label, the spot it got, if any.
pub fn place(labels: &[Label], taken: &[Rect], bounds: Rect) -> Vec<Option<Spot>> {
    let mut used: Vec<Rect> = taken.to_vec();
    labels
        .iter()
        .map(|label| {
            let free = label.spots.iter().copied().find(|&s| {
                let b = text_box(&label.text, s, label.size, label.bold);
                b.inside(&bounds) && !used.iter().any(|u| u.intersects(&b))
            });
            if let Some(s) = free {
                used.push(text_box(&label.text, s, label.size, label.bold));
            }
            free
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Rect = Rect {
        x0: 0.0,
        y0: 0.0,
        x1: 520.0,
        y1: 250.0,
    };

    fn label(text: &str, spots: &[(f64, f64)]) -> Label {
        Label {
            text: text.into(),
            size: 14.0,
            bold: false,
            spots: spots
                .iter()
                .map(|&(x, y)| Spot {
                    x,
                    y,
                    anchor: Anchor::Start,
                })
                .collect(),
        }
    }

    #[test]
    fn a_label_that_would_overlap_takes_its_next_spot() {
        let a = label("day 120", &[(100.0, 30.0)]);
        let b = label(
            "day 180",
            &[(110.0, 30.0), (110.0, 30.0 + 14.0 * ROW + GAP)],
        );
        let got = place(&[a, b], &[], ALL);
        assert_eq!(got[0].unwrap().y, 30.0);
        assert!(got[1].unwrap().y > 30.0, "moved a line down");
    }

    #[test]
    fn a_label_with_no_free_spot_is_left_out_and_placed_boxes_never_meet() {
        let labels: Vec<Label> = (0..6)
            .map(|i| {
                label(
                    &format!("day {}", 100 + i),
                    &[(100.0 + i as f64 * 5.0, 30.0)],
                )
            })
            .collect();
        let got = place(&labels, &[], ALL);
        assert!(got[0].is_some());
        assert!(got[1..].iter().all(Option::is_none), "{got:?}");
        let fixed = text_box(
            "1,500",
            Spot {
                x: 48.0,
                y: 30.0,
                anchor: Anchor::End,
            },
            14.0,
            false,
        );
        let got = place(&[label("x", &[(30.0, 30.0), (60.0, 30.0)])], &[fixed], ALL);
        assert_eq!(got[0].unwrap().x, 60.0, "clear of the fixed tick label");
    }

    #[test]
    fn a_label_keeps_clear_of_a_round_mark() {
        // "day 365" right of its line, with the room's guess drawn on that line at its height.
        let milestone = label(
            "day 365",
            &[(303.0, 30.0), (303.0, 30.0 + 14.0 * ROW + GAP)],
        );
        let mark = circle_box(300.0, 20.0, 9.0);
        let got = place(std::slice::from_ref(&milestone), &[mark], ALL)[0].unwrap();
        let b = text_box(&milestone.text, got, 14.0, false);
        assert!(!b.intersects(&mark), "{b:?} on {mark:?}");
        assert!(got.y > 30.0, "moved a line down");
    }

    #[test]
    fn a_label_stays_inside_the_chart() {
        let got = place(&[label("day 730", &[(510.0, 30.0)])], &[], ALL);
        assert_eq!(got[0], None, "would run past the right edge");
        let end = Label {
            spots: vec![Spot {
                x: 510.0,
                y: 30.0,
                anchor: Anchor::End,
            }],
            ..label("day 730", &[])
        };
        assert!(place(&[end], &[], ALL)[0].is_some());
    }
}
