//! Text in markup and in drawings: the one escaper for XML, SVG and HTML, the one estimate of
//! how wide a text sets (DejaVu Sans advance widths), and word-wrapping by that estimate.
//!
//! The escaper is for text content and attribute values alike: `&`, `<`, `>`, `"` and `'` are
//! written as entities, so the result is safe inside a double- or single-quoted attribute; the
//! control characters XML 1.0 cannot hold (all but the tab and the line feed) become spaces, so
//! a stray one in a user's text never makes a file unreadable.
//!
//! The width estimate serves the charts (drawn in DejaVu Sans, the font the PNG and PDF
//! renderers embed) and the DOCX and PDF table column widths, whose fonts are narrower: there it
//! errs wide, which is the safe side for a column's minimum.

/// Advance widths of DejaVu Sans for ASCII 32..=126, in 1/1000 em (from the font's `hmtx`).
const LEBAR_ASCII: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// Whether `c` is a control character XML 1.0 cannot hold (or HTML reports as an error): every
/// one but the tab and the line feed. A carriage return goes too: XML turns it into a line feed
/// anyway, and a lone one would end the line in some readers but not others.
fn kendali_terlarang(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Escapes text for XML, SVG and HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c if kendali_terlarang(c) => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// `s` with the control characters XML cannot hold replaced by spaces and nothing else changed:
/// for markup a library has already escaped (docx-rs escapes `&`, `<`, `>` and quotes but writes
/// control characters as they are, which Word refuses to open).
pub fn tanpa_kendali(s: &str) -> String {
    s.chars()
        .map(|c| if kendali_terlarang(c) { ' ' } else { c })
        .collect()
}

/// Estimated width of `s` set in DejaVu Sans at `ukuran` (bold is about 10 % wider).
pub fn lebar_teks(s: &str, ukuran: f64, tebal: bool) -> f64 {
    let em: u32 = s
        .chars()
        .map(|c| match c as u32 {
            k @ 32..=126 => u32::from(LEBAR_ASCII[(k - 32) as usize]),
            _ => 700,
        })
        .sum();
    f64::from(em) / 1000.0 * ukuran * if tebal { 1.1 } else { 1.0 }
}

/// Cuts `s` to fit `lebar` with "…" at the end (at a word boundary when one is near).
pub(crate) fn potong(s: &str, lebar: f64, ukuran: f64) -> String {
    let mut t: String = s.trim_end().to_string();
    while !t.is_empty() && lebar_teks(&format!("{t}…"), ukuran, false) > lebar {
        t.pop();
    }
    // Prefer ending on a whole word if that loses little.
    if let Some(i) = t.rfind(' ')
        && t.len() - i < 12
        && i > 0
    {
        t.truncate(i);
    }
    let t = t.trim_end_matches([' ', ',', ';', ':', '-', '/', '(']);
    format!("{t}…")
}

/// Word-wraps `s` into lines no wider than `lebar` at font size `ukuran`, at most `maks` lines;
/// when the text does not fit, the last line ends with "…". A word longer than a line is split.
pub(crate) fn bungkus(s: &str, lebar: f64, ukuran: f64, maks: usize) -> Vec<String> {
    let maks = maks.max(1);
    let mut baris: Vec<String> = Vec::new();
    let mut cur = String::new();
    for kata in s.split_whitespace() {
        let calon = if cur.is_empty() {
            kata.to_string()
        } else {
            format!("{cur} {kata}")
        };
        if lebar_teks(&calon, ukuran, false) <= lebar {
            cur = calon;
            continue;
        }
        if !cur.is_empty() {
            baris.push(std::mem::take(&mut cur));
        }
        // The word alone: split it by characters if it is wider than a line.
        let mut sisa = kata.to_string();
        while lebar_teks(&sisa, ukuran, false) > lebar {
            let mut potongan = String::new();
            for c in sisa.chars() {
                potongan.push(c);
                if lebar_teks(&potongan, ukuran, false) > lebar {
                    potongan.pop();
                    break;
                }
            }
            if potongan.is_empty() {
                break;
            }
            sisa = sisa[potongan.len()..].to_string();
            baris.push(potongan);
        }
        cur = sisa;
    }
    if !cur.is_empty() {
        baris.push(cur);
    }
    if baris.is_empty() {
        baris.push(String::new());
    }
    if baris.len() > maks {
        let sisa = baris[maks - 1..].join(" ");
        baris.truncate(maks - 1);
        baris.push(potong(&sisa, lebar, ukuran));
    }
    baris
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::PANJANG;

    #[test]
    fn every_markup_character_is_written_as_an_entity() {
        assert_eq!(
            esc(r#"a & b < c > d " e ' f"#),
            "a &amp; b &lt; c &gt; d &quot; e &#39; f"
        );
        // The input is text, never markup: an entity in it is escaped again.
        assert_eq!(esc("&amp;"), "&amp;amp;");
        assert_eq!(esc(""), "");
    }

    #[test]
    fn control_characters_but_tab_and_line_feed_become_spaces() {
        let mut diganti = 0;
        for c in (0..=0x9F_u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_control())
        {
            let keluar = esc(&format!("a{c}b"));
            if c == '\n' || c == '\t' {
                assert_eq!(keluar, format!("a{c}b"));
            } else {
                assert_eq!(keluar, "a b", "U+{:04X}", u32::from(c));
                diganti += 1;
            }
        }
        // C0 (0x00-0x1F, 32), DEL (0x7F) and C1 (0x80-0x9F, 32): 65, of which 63 are replaced.
        assert_eq!(diganti, 63);
    }

    #[test]
    fn markup_keeps_its_tags_when_only_control_characters_are_replaced() {
        assert_eq!(
            tanpa_kendali("<w:t>a\u{1}b\u{b}&amp;\tc\n</w:t>"),
            "<w:t>a b &amp;\tc\n</w:t>"
        );
    }

    #[test]
    fn multibyte_text_passes_through() {
        let s = "Capaian ≥ 100 % · “Pelayanan” 95,5 × 2 — é 漢字 🙂…";
        assert_eq!(esc(s), s);
        assert_eq!(tanpa_kendali(s), s);
        assert_eq!(esc("≥<é>'漢'"), "≥&lt;é&gt;&#39;漢&#39;");
    }

    #[test]
    fn widths_are_dejavu_sans_advances() {
        // "ii": 2 x 278/1000 em at 10 = 5,56; "MW": (863 + 989)/1000 x 10 = 18,52.
        assert!((lebar_teks("ii", 10.0, false) - 5.56).abs() < 1e-9);
        assert!((lebar_teks("MW", 10.0, false) - 18.52).abs() < 1e-9);
        // Bold: 10 % wider, 18,52 x 1,1 = 20,372.
        assert!((lebar_teks("MW", 10.0, true) - 20.372).abs() < 1e-9);
        // Beyond ASCII: 0,7 em a character, counted per character, not per byte.
        assert!((lebar_teks("é漢", 10.0, false) - 14.0).abs() < 1e-9);
        assert_eq!(lebar_teks("", 10.0, true), 0.0);
    }

    #[test]
    fn labels_wrap_to_the_width_and_the_last_line_is_cut_with_an_ellipsis() {
        assert_eq!(
            bungkus("Indeks Kepuasan", 300.0, 13.0, 3),
            ["Indeks Kepuasan"]
        );
        let b = bungkus(PANJANG, 292.0, 13.0, 3);
        assert_eq!(b.len(), 3);
        assert!(
            b.iter().all(|l| lebar_teks(l, 13.0, false) <= 292.0),
            "{b:?}"
        );
        assert!(b[2].ends_with('…'));
        // Nothing is lost when it fits.
        let b = bungkus(PANJANG, 500.0, 13.0, 3);
        assert_eq!(b.join(" "), PANJANG);
        // A word longer than the line is split, never overflows.
        let b = bungkus(&"x".repeat(200), 100.0, 13.0, 3);
        assert!(
            b.iter().all(|l| lebar_teks(l, 13.0, false) <= 100.0),
            "{b:?}"
        );
        assert_eq!(bungkus("", 100.0, 13.0, 3), [""]);
    }
}
