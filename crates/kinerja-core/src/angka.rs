//! Indonesian number notation: `.` groups thousands, `,` is the decimal mark
//! (`1.674.830.966,58`, `88,62 %`, `Rp 400.000.000,00`).
//!
//! The parsers are strict on purpose. Hand-typed reports mix Indonesian and English notation
//! (`5,000,000.00`, `889.672.130.00`, `210.000,000,00`), and any guess at what such a value meant
//! can be off by a factor of a thousand in an official accountability report. Refusing with a
//! reason the author can act on is cheaper than a plausible-looking wrong number.
//!
//! Grammar, after trimming whitespace (Unicode whitespace, so NBSP from spreadsheets too):
//!
//! ```text
//! angka  = ["-"] bulat ["," digit+]
//! bulat  = digit+                 ; plain: 1674830966, 0, 007
//!        | d{1,3} ("." ddd)+      ; grouped: 1.674.830.966; the first group must not start with 0
//! persen = angka [spasi] ["%"]
//! rupiah = ["-"] [("Rp" | "Rp.") [spasi]] angka [",-"]   ; "Rp" case-insensitive, at most 2 decimals
//! ```
//!
//! Decisions worth knowing:
//! - `,5` and `.5` are rejected; write `0,5`. A stray separator left over from a table column
//!   must not silently turn a number into a fraction.
//! - `0.500` is rejected: no Indonesian writer groups a leading zero, so it is an English `0.5`.
//! - A comma grouping that only makes sense as English notation (`30,000,000`, `5,000,000.00`) is
//!   reported as such, so the message tells the author what went wrong, not just where.
//! - `1,500` is accepted as one and a half: that is what it means in Indonesian notation.
//! - Rupiah accepts the customary `Rp 50.000,-` (no sen) and a minus either before `Rp` or after it.
//! - Parsing keeps the typed scale (`400,00` has scale 2) when it is within the decimals allowed.
//!
//! # Bounds
//!
//! Every number read at the boundary (these parsers, [`dalam_batas`] for numbers handed in as
//! values, and through them `Rupiah`, `Nilai` and the data file's `serde_angka`) is at most
//! [`BATAS_ANGKA`] = 10^15 in magnitude, with at most [`MAKS_DESIMAL`] = 6 decimals (money: 2).
//! Refused with "melebihi batas 1.000.000.000.000.000". Why these:
//! - Storage: money is INTEGER sen in SQLite (i64: 9,22·10^18 sen = 9,22·10^16 rupiah) and
//!   NUMERIC(20,2) in PostgreSQL (below 10^18). 10^15 rupiah (Rp 1.000 triliun; the whole APBN is
//!   about 3,3·10^15) fits both, and a roll-up of 92 amounts at the bound still fits SQLite's
//!   integer SUM.
//! - A target or a realisasi may be an amount of money (the seed writes `Rp 43.600.000,00`), so
//!   it takes the same bound rather than a smaller one.
//! - Computation: with |x| <= 10^15 and at most 6 decimals the smallest non-zero divisor is
//!   10^-6, so a capaian `R / T x 100` is at most 10^23 and `(T - (R - T)) / T x 100` at most
//!   3·10^23; a sum of four quarters is at most 4·10^15 and a difference of two such sums 8·10^15:
//!   all far inside `Decimal` (7,9·10^28), with at least 5 significant decimals to spare.
//!   Sums over an unbounded number of lines are not covered by this and are checked where they
//!   are taken.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use rust_decimal_macros::dec;

use crate::uang::Rupiah;

/// The largest magnitude of a number read at the boundary: 10^15 (see the module's bounds).
pub const BATAS_ANGKA: Decimal = dec!(1_000_000_000_000_000);

/// [`BATAS_ANGKA`] as messages print it.
pub const BATAS_ANGKA_TEKS: &str = "1.000.000.000.000.000";

/// The most decimals a number read at the boundary may have (money: 2).
pub const MAKS_DESIMAL: u32 = 6;

/// A text that is not a number in Indonesian notation (or is one that cannot be held exactly).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("angka {teks:?} tidak sah: {alasan}")]
pub struct GalatAngka {
    /// The text exactly as given, so the message names what the author typed.
    pub teks: String,
    pub alasan: Alasan,
}

/// Why a text was refused. The `Display` is a sentence in Indonesian meant for the report author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alasan {
    /// Nothing but whitespace.
    Kosong,
    /// Only a sign, `Rp` or `%`, no digits.
    TanpaDigit,
    /// A character that has no place in a number (letters, `+`, spaces inside the number, ...).
    KarakterTidakSah(char),
    /// A minus that is not the single leading sign (`12-5`, `--5`, `-Rp -5`).
    TandaMinusSalahTempat,
    LebihDariSatuKoma,
    /// `15.000,000.00`: a thousands separator after the decimal mark.
    TitikSetelahKoma,
    /// A group next to a `.` of the wrong length (`88.62`, `1.5`, `1234.567`); holds the group.
    KelompokRibuan(String),
    /// `0.500`: a grouped number starting with 0, which is an English decimal in disguise.
    NolDiDepan,
    /// `,5`, `.500`.
    PemisahDiAwal,
    /// `5,`, `1.500.`.
    PemisahDiAkhir,
    /// `1..000`, `1.,5`.
    PemisahBeruntun,
    /// `30,000,000`, `5,000,000.00`: commas grouping thousands and a dot as decimal mark.
    NotasiInggris,
    /// Larger in magnitude than [`BATAS_ANGKA`].
    MelebihiBatas,
    /// More decimal places than allowed: 2 for rupiah (sen), [`MAKS_DESIMAL`] for other numbers.
    TerlaluBanyakDesimal {
        maks: u32,
        ditemukan: usize,
    },
}

impl fmt::Display for Alasan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const ATURAN: &str = "dalam notasi Indonesia titik adalah pemisah ribuan dan koma adalah \
                              tanda desimal (contoh: 1.674.830.966,58 dan 88,62)";
        match self {
            Alasan::Kosong => f.write_str("teks kosong"),
            Alasan::TanpaDigit => f.write_str("tidak ada digit angka"),
            Alasan::KarakterTidakSah(c) if c.is_whitespace() => {
                write!(f, "ada spasi ({c:?}) di tengah angka")
            }
            Alasan::KarakterTidakSah(c) => write!(f, "karakter {c:?} tidak boleh ada dalam angka"),
            Alasan::TandaMinusSalahTempat => {
                f.write_str("tanda minus hanya boleh satu kali, di depan angka")
            }
            Alasan::LebihDariSatuKoma => f.write_str("lebih dari satu tanda koma desimal"),
            Alasan::TitikSetelahKoma => {
                write!(f, "ada titik setelah tanda koma desimal; {ATURAN}")
            }
            Alasan::KelompokRibuan(kelompok) => write!(
                f,
                "kelompok digit {kelompok:?} salah panjang: kelompok pertama 1 sampai 3 digit dan \
                 setiap kelompok sesudah titik tepat 3 digit, karena {ATURAN}"
            ),
            Alasan::NolDiDepan => write!(
                f,
                "angka berkelompok tidak boleh diawali nol; untuk pecahan tulis 0,5 bukan 0.5, \
                 karena {ATURAN}"
            ),
            Alasan::PemisahDiAwal => {
                f.write_str("angka tidak boleh diawali titik atau koma; tulis 0,5 bukan ,5")
            }
            Alasan::PemisahDiAkhir => f.write_str("angka tidak boleh diakhiri titik atau koma"),
            Alasan::PemisahBeruntun => f.write_str("ada dua tanda pemisah berturut-turut"),
            Alasan::NotasiInggris => write!(
                f,
                "tampaknya ditulis dalam notasi Inggris (koma pemisah ribuan, titik desimal); \
                 {ATURAN}"
            ),
            Alasan::MelebihiBatas => write!(f, "melebihi batas {BATAS_ANGKA_TEKS}"),
            Alasan::TerlaluBanyakDesimal { maks, ditemukan } => write!(
                f,
                "terlalu banyak angka desimal: {ditemukan}, paling banyak {maks}"
            ),
        }
    }
}

/// Parses a number in Indonesian notation: `1.674.830.966,58`, `-12,5`, `1500`, `0,5`.
///
/// The result keeps the typed number of decimals where a `Decimal` can hold them.
pub fn parse_angka(teks: &str) -> Result<Decimal, GalatAngka> {
    let t = teks.trim();
    if t.is_empty() {
        return Err(salah(teks, Alasan::Kosong));
    }
    urai(t).map(|u| u.nilai).map_err(|a| salah(teks, a))
}

/// Parses a percentage as the percent number: `88,62 %`, `88,62%`, `100` all give 88.62 / 100,
/// not a fraction, because that is how targets and realisations are written in the reports.
pub fn parse_persen(teks: &str) -> Result<Decimal, GalatAngka> {
    let t = teks.trim();
    if t.is_empty() {
        return Err(salah(teks, Alasan::Kosong));
    }
    let badan = t.strip_suffix('%').map_or(t, str::trim_end);
    urai(badan).map(|u| u.nilai).map_err(|a| salah(teks, a))
}

/// Parses an amount of rupiah: `Rp 400.000.000,00`, `Rp. 1.274.830.966,58`, `Rp400.000`,
/// `400.000.000,00`, `Rp 50.000,-`, `-Rp 5.000` or `Rp -5.000`.
///
/// More than two typed decimals is refused even when they are zeros: `Rp 210.000,000` is far more
/// likely a mistyped 210 million than 210 thousand written to the tenth of a sen.
pub fn parse_rupiah(teks: &str) -> Result<Rupiah, GalatAngka> {
    let galat = |a| salah(teks, a);
    let t = teks.trim();
    if t.is_empty() {
        return Err(galat(Alasan::Kosong));
    }
    // A minus in front of "Rp" belongs to the amount; a minus anywhere else is left to `urai`.
    let (negatif_luar, t) = match t.strip_prefix('-') {
        Some(sisa) if lepas_awalan_rp(sisa).is_some() => (true, sisa),
        _ => (false, t),
    };
    let t = lepas_awalan_rp(t).unwrap_or(t);
    let (badan, tanpa_sen) = match t.strip_suffix(",-") {
        Some(badan) => (badan, true),
        None => (t, false),
    };
    if tanpa_sen && badan.contains(',') {
        return Err(galat(Alasan::LebihDariSatuKoma));
    }
    if negatif_luar && badan.starts_with('-') {
        return Err(galat(Alasan::TandaMinusSalahTempat));
    }
    let u = urai(badan).map_err(galat)?;
    if u.digit_desimal > 2 {
        return Err(galat(Alasan::TerlaluBanyakDesimal {
            maks: 2,
            ditemukan: u.digit_desimal,
        }));
    }
    let nilai = if negatif_luar { -u.nilai } else { u.nilai };
    // `urai` has checked the bound and the decimals above, so this cannot fail; were it to, it
    // must be a refusal, never a panic.
    Rupiah::new(nilai).map_err(|e| {
        galat(match e {
            crate::uang::GalatRupiah::MelebihiBatas(_) => Alasan::MelebihiBatas,
            crate::uang::GalatRupiah::TerlaluBanyakDesimal(_) => Alasan::TerlaluBanyakDesimal {
                maks: 2,
                ditemukan: u.digit_desimal,
            },
        })
    })
}

/// Checks a number handed in as a value rather than as text (a TOML or JSON integer, a number
/// an adapter built) against the bounds the parsers enforce.
pub fn dalam_batas(n: Decimal) -> Result<Decimal, GalatAngka> {
    let teks = || format_angka(n, n.scale());
    if n.abs() > BATAS_ANGKA {
        return Err(salah(&teks(), Alasan::MelebihiBatas));
    }
    let desimal = n.normalize().scale();
    if desimal > MAKS_DESIMAL {
        return Err(salah(
            &teks(),
            Alasan::TerlaluBanyakDesimal {
                maks: MAKS_DESIMAL,
                ditemukan: desimal as usize,
            },
        ));
    }
    Ok(n)
}

/// THE rounding rule of the project: half away from zero, as Excel and the published reports
/// round (64,225 -> 64,23; banker's rounding would give 64,22 and disagree with the reports).
///
/// Only reduces the scale; a value with fewer places is returned as is (1,5 stays 1,5 at 2 places).
/// A result that rounds to zero is always positive zero, so nothing downstream sees `-0`.
pub fn bulatkan(n: Decimal, desimal: u32) -> Decimal {
    let mut r = n.round_dp_with_strategy(desimal, RoundingStrategy::MidpointAwayFromZero);
    if r.is_zero() {
        r.set_sign_positive(true);
    }
    r
}

/// Prints `n` rounded with [`bulatkan`] and padded to exactly `desimal` places, in Indonesian
/// notation: `1.674.830.966,58`, `1.500` (0 places), `-1.234,50`. Never prints `-0,00`.
pub fn format_angka(n: Decimal, desimal: u32) -> String {
    let r = bulatkan(n, desimal);
    let digit = r.mantissa().unsigned_abs().to_string();
    let skala = r.scale() as usize;
    // Left-pad so there is always at least one integer digit (0,05 has mantissa 5, scale 2).
    let digit = format!("{digit:0>width$}", width = skala + 1);
    let (bulat, pecahan) = digit.split_at(digit.len() - skala);

    let mut s = String::with_capacity(digit.len() + digit.len() / 3 + desimal as usize + 2);
    if r.is_sign_negative() && !r.is_zero() {
        s.push('-');
    }
    for (i, c) in bulat.chars().enumerate() {
        if i > 0 && (bulat.len() - i) % 3 == 0 {
            s.push('.');
        }
        s.push(c);
    }
    if desimal > 0 {
        s.push(',');
        s.push_str(pecahan);
        // `bulatkan` never leaves more than `desimal` places, only fewer.
        s.extend(std::iter::repeat_n(
            '0',
            (desimal as usize).saturating_sub(skala),
        ));
    }
    s
}

/// `88,62 %`: the percent number (not a fraction), with a space before `%` as the reports print.
pub fn format_persen(n: Decimal, desimal: u32) -> String {
    format!("{} %", format_angka(n, desimal))
}

/// `Rp 400.000.000,00`, always two decimals; negative amounts as `-Rp 5.000,00`.
pub fn format_rupiah(r: Rupiah) -> String {
    let n = r.nilai();
    if r.is_negatif() {
        format!("-Rp {}", format_angka(-n, 2))
    } else {
        format!("Rp {}", format_angka(n, 2))
    }
}

fn salah(teks: &str, alasan: Alasan) -> GalatAngka {
    GalatAngka {
        teks: teks.to_owned(),
        alasan,
    }
}

/// `Rp`, `Rp.`, `RP`, `rp` ... plus any whitespace after it.
fn lepas_awalan_rp(s: &str) -> Option<&str> {
    let b = s.as_bytes();
    if b.len() >= 2 && b[..2].eq_ignore_ascii_case(b"rp") {
        // Slicing at 2 is on a char boundary: both bytes were just seen to be ASCII.
        let sisa = &s[2..];
        Some(sisa.strip_prefix('.').unwrap_or(sisa).trim_start())
    } else {
        None
    }
}

struct Terurai {
    nilai: Decimal,
    /// Decimals as typed, trailing zeros included; rupiah limits these, not the value's scale.
    digit_desimal: usize,
}

/// The grammar of `angka` on already trimmed text with any unit removed.
fn urai(badan: &str) -> Result<Terurai, Alasan> {
    let (negatif, sisa) = match badan.strip_prefix('-') {
        Some(sisa) => (true, sisa),
        None => (false, badan),
    };
    // Characters first: a letter or a space is the most basic problem and the easiest to fix.
    for c in sisa.chars() {
        match c {
            '0'..='9' | '.' | ',' => {}
            '-' => return Err(Alasan::TandaMinusSalahTempat),
            c => return Err(Alasan::KarakterTidakSah(c)),
        }
    }
    if sisa.is_empty() {
        return Err(Alasan::TanpaDigit);
    }
    let (bulat, pecahan) = match struktur(sisa) {
        Ok(bagian) => bagian,
        // Only on failure: `1,500` is valid Indonesian and must not be second-guessed.
        Err(_) if tampak_notasi_inggris(sisa) => return Err(Alasan::NotasiInggris),
        Err(alasan) => return Err(alasan),
    };
    Ok(Terurai {
        nilai: susun(negatif, bulat, pecahan)?,
        digit_desimal: pecahan.len(),
    })
}

/// Checks separators and returns (integer part with dots, decimal digits). Reports the first
/// problem in reading order, so the message points where the author would look first.
fn struktur(s: &str) -> Result<(&str, &str), Alasan> {
    if s.starts_with(['.', ',']) {
        return Err(Alasan::PemisahDiAwal);
    }
    if s.ends_with(['.', ',']) {
        return Err(Alasan::PemisahDiAkhir);
    }
    let (bulat, pecahan) = s.split_once(',').unwrap_or((s, ""));

    if bulat.contains('.') {
        let mut kelompok = bulat.split('.');
        let pertama = kelompok.next().unwrap_or_default();
        if pertama.len() > 3 {
            return Err(Alasan::KelompokRibuan(pertama.to_owned()));
        }
        if pertama.starts_with('0') {
            return Err(Alasan::NolDiDepan);
        }
        for k in kelompok {
            if k.is_empty() {
                return Err(Alasan::PemisahBeruntun);
            }
            if k.len() != 3 {
                return Err(Alasan::KelompokRibuan(k.to_owned()));
            }
        }
    }
    for c in pecahan.chars() {
        match c {
            '.' => return Err(Alasan::TitikSetelahKoma),
            ',' => return Err(Alasan::LebihDariSatuKoma),
            _ => {}
        }
    }
    Ok((bulat, pecahan))
}

/// `d{1,3}(,ddd)+(.d+)?`: at least one thousands comma, so `12.5` stays a grouping error whose
/// message explains the dot, and `1,5` never gets here because it parses.
fn tampak_notasi_inggris(s: &str) -> bool {
    let semua_digit = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let (bulat, pecahan) = match s.split_once('.') {
        Some((b, p)) => (b, Some(p)),
        None => (s, None),
    };
    if pecahan.is_some_and(|p| !semua_digit(p)) {
        return false;
    }
    let mut kelompok = bulat.split(',');
    let pertama = kelompok.next().unwrap_or_default();
    if pertama.len() > 3 || !semua_digit(pertama) {
        return false;
    }
    let mut ada_koma = false;
    for k in kelompok {
        ada_koma = true;
        if k.len() != 3 || !semua_digit(k) {
            return false;
        }
    }
    ada_koma
}

/// Builds the exact value from validated digits, within the bounds. Trailing decimal zeros
/// beyond [`MAKS_DESIMAL`] are dropped (`1,50000000` is 1,5), otherwise the typed scale is kept
/// (`400,00` keeps scale 2).
fn susun(negatif: bool, bulat: &str, pecahan: &str) -> Result<Decimal, Alasan> {
    let digit =
        |s: &str| -> Vec<u8> { s.bytes().filter(|&b| b != b'.').map(|b| b - b'0').collect() };
    let nilai = |ds: &[u8]| ds.iter().fold(0i128, |m, &d| m * 10 + i128::from(d));
    let bulat: Vec<u8> = digit(bulat).into_iter().skip_while(|&d| d == 0).collect();
    let batas = BATAS_ANGKA.mantissa();
    // The bound first: it is the larger mistake. 17 or more integer digits is at least 10^16;
    // 16 or fewer fit an i128.
    let bulat_nilai = if bulat.len() > 16 {
        None
    } else {
        Some(nilai(&bulat))
    };
    let ada_pecahan = pecahan.bytes().any(|b| b != b'0');
    if bulat_nilai.is_none_or(|b| b > batas || (b == batas && ada_pecahan)) {
        return Err(Alasan::MelebihiBatas);
    }
    let maks = MAKS_DESIMAL as usize;
    let pecahan = if pecahan.len() > maks {
        pecahan.trim_end_matches('0')
    } else {
        pecahan
    };
    if pecahan.len() > maks {
        return Err(Alasan::TerlaluBanyakDesimal {
            maks: MAKS_DESIMAL,
            ditemukan: pecahan.len(),
        });
    }
    // At most 16 + 6 = 22 digits: the mantissa fits an i128 and a `Decimal`.
    let m = nilai(&[bulat, digit(pecahan)].concat());
    // -0 as i128 is 0, so a typed "-0,00" cannot produce a negative zero.
    Decimal::try_from_i128_with_scale(if negatif { -m } else { m }, pecahan.len() as u32)
        .map_err(|_| Alasan::MelebihiBatas)
}

/// Roman numerals, as budget tables number their programs (I, II, ... XIV).
pub fn romawi(n: usize) -> String {
    const R: [(usize, &str); 9] = [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::decimal_apa_saja;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    fn alasan_angka(teks: &str) -> Alasan {
        match parse_angka(teks) {
            Ok(n) => panic!("{teks:?} should be refused, parsed as {n}"),
            Err(e) => e.alasan,
        }
    }

    #[test]
    fn parses_indonesian_notation() {
        assert_eq!(parse_angka("1.674.830.966,58"), Ok(dec!(1674830966.58)));
        assert_eq!(parse_angka("-12,5"), Ok(dec!(-12.5)));
        assert_eq!(parse_angka("1500"), Ok(dec!(1500)));
        assert_eq!(parse_angka("0,5"), Ok(dec!(0.5)));
        assert_eq!(parse_angka("1.500"), Ok(dec!(1500)));
        assert_eq!(parse_angka("1,500"), Ok(dec!(1.5)));
        assert_eq!(parse_angka("999"), Ok(dec!(999)));
        assert_eq!(parse_angka("007"), Ok(dec!(7)));
        assert_eq!(parse_angka("-0,00"), Ok(dec!(0)));
        assert!(!parse_angka("-0,00").unwrap().is_sign_negative());
    }

    #[test]
    fn parses_the_seed_amounts() {
        assert_eq!(parse_angka("1.674.830.966,58"), Ok(dec!(1674830966.58)));
        assert_eq!(parse_angka("354.478.761,00"), Ok(dec!(354478761)));
        assert_eq!(parse_angka("889.672.130,00"), Ok(dec!(889672130)));
        assert_eq!(parse_angka("1.267.731.971,00"), Ok(dec!(1267731971)));
    }

    #[test]
    fn keeps_the_typed_scale() {
        assert_eq!(parse_angka("354.478.761,00").unwrap().scale(), 2);
        assert_eq!(parse_angka("88,60").unwrap().to_string(), "88.60");
    }

    #[test]
    fn trims_whitespace_including_nbsp() {
        assert_eq!(parse_angka("  1.500\t"), Ok(dec!(1500)));
        assert_eq!(parse_angka("\u{a0}1.500,25\u{a0}"), Ok(dec!(1500.25)));
        assert_eq!(parse_persen("88,62\u{a0}%"), Ok(dec!(88.62)));
        assert_eq!(parse_rupiah("Rp\u{a0}400.000"), Ok(Rupiah::utuh(400_000)));
    }

    #[test]
    fn parses_percent_as_the_percent_number() {
        assert_eq!(parse_persen("88,62 %"), Ok(dec!(88.62)));
        assert_eq!(parse_persen("88,62%"), Ok(dec!(88.62)));
        assert_eq!(parse_persen("100 %"), Ok(dec!(100)));
        assert_eq!(parse_persen("100"), Ok(dec!(100)));
        assert_eq!(parse_persen("-5,5 %"), Ok(dec!(-5.5)));
    }

    #[test]
    fn refuses_malformed_percent() {
        assert_eq!(parse_persen("%").unwrap_err().alasan, Alasan::TanpaDigit);
        assert_eq!(
            parse_persen("88%%").unwrap_err().alasan,
            Alasan::KarakterTidakSah('%')
        );
        assert_eq!(
            parse_persen("% 88").unwrap_err().alasan,
            Alasan::KarakterTidakSah('%')
        );
        assert_eq!(
            parse_persen("88.62 %").unwrap_err().alasan,
            Alasan::KelompokRibuan("62".into())
        );
    }

    #[test]
    fn parses_rupiah_with_and_without_prefix() {
        assert_eq!(
            parse_rupiah("Rp 400.000.000,00"),
            Ok(Rupiah::utuh(400_000_000))
        );
        assert_eq!(
            parse_rupiah("Rp. 1.274.830.966,58").map(Rupiah::nilai),
            Ok(dec!(1274830966.58))
        );
        assert_eq!(parse_rupiah("Rp400.000"), Ok(Rupiah::utuh(400_000)));
        assert_eq!(
            parse_rupiah("400.000.000,00"),
            Ok(Rupiah::utuh(400_000_000))
        );
        assert_eq!(parse_rupiah("RP 5"), Ok(Rupiah::utuh(5)));
        assert_eq!(parse_rupiah("rp.5,5"), Ok(Rupiah::new(dec!(5.5)).unwrap()));
    }

    #[test]
    fn parses_rupiah_without_sen_marker() {
        assert_eq!(parse_rupiah("Rp 50.000,-"), Ok(Rupiah::utuh(50_000)));
        assert_eq!(
            parse_rupiah("Rp 50.000,00,-").unwrap_err().alasan,
            Alasan::LebihDariSatuKoma
        );
    }

    #[test]
    fn parses_negative_rupiah_before_or_after_prefix_but_not_both() {
        assert_eq!(parse_rupiah("-Rp 5.000,00"), Ok(Rupiah::utuh(-5000)));
        assert_eq!(parse_rupiah("Rp -5.000,00"), Ok(Rupiah::utuh(-5000)));
        assert_eq!(parse_rupiah("-5.000"), Ok(Rupiah::utuh(-5000)));
        assert_eq!(
            parse_rupiah("-Rp -5.000").unwrap_err().alasan,
            Alasan::TandaMinusSalahTempat
        );
    }

    #[test]
    fn refuses_rupiah_with_more_than_two_decimals_even_zeros() {
        let e = parse_rupiah("Rp 210.000,000").unwrap_err();
        assert_eq!(
            e.alasan,
            Alasan::TerlaluBanyakDesimal {
                maks: 2,
                ditemukan: 3
            }
        );
        assert!(e.to_string().contains("\"Rp 210.000,000\""), "{e}");
        assert!(parse_rupiah("1,005").is_err());
    }

    #[test]
    fn refuses_rupiah_prefix_without_amount() {
        assert_eq!(parse_rupiah("Rp").unwrap_err().alasan, Alasan::TanpaDigit);
        assert_eq!(parse_rupiah("Rp.").unwrap_err().alasan, Alasan::TanpaDigit);
        assert_eq!(
            parse_rupiah("Rp Rp 5").unwrap_err().alasan,
            Alasan::KarakterTidakSah('R')
        );
        assert_eq!(
            parse_rupiah("IDR 5").unwrap_err().alasan,
            Alasan::KarakterTidakSah('I')
        );
    }

    #[test]
    fn error_message_is_indonesian_and_names_the_value() {
        let e = parse_angka("210.000,000,00").unwrap_err();
        assert_eq!(
            e.to_string(),
            "angka \"210.000,000,00\" tidak sah: lebih dari satu tanda koma desimal"
        );
        assert_eq!(e.teks, "210.000,000,00");
    }

    #[test]
    fn refuses_each_typo_from_real_reports_naming_the_value() {
        let kasus = [
            ("210.000,000,00", Alasan::LebihDariSatuKoma),
            ("15.000,000.00", Alasan::TitikSetelahKoma),
            ("5,000,000.00", Alasan::NotasiInggris),
            ("889.672.130.00", Alasan::KelompokRibuan("00".into())),
            ("30,000,000", Alasan::NotasiInggris),
            ("1,274.830.966,58", Alasan::TitikSetelahKoma),
        ];
        for (teks, alasan) in kasus {
            for e in [
                parse_angka(teks).unwrap_err(),
                parse_persen(teks).unwrap_err(),
                parse_rupiah(teks).unwrap_err(),
                parse_rupiah(&format!("Rp. {teks}")).unwrap_err(),
            ] {
                assert_eq!(e.alasan, alasan, "{teks}");
                assert!(e.to_string().contains(&format!("\"{}\"", e.teks)), "{e}");
                assert!(e.to_string().contains(teks), "{e}");
            }
        }
    }

    #[test]
    fn refuses_rupiah_typo_with_the_whole_text_in_the_message() {
        let e = parse_rupiah("Rp. 1,274.830.966,58").unwrap_err();
        assert_eq!(e.alasan, Alasan::TitikSetelahKoma);
        assert!(
            e.to_string()
                .starts_with("angka \"Rp. 1,274.830.966,58\" tidak sah: "),
            "{e}"
        );
    }

    #[test]
    fn dot_group_not_of_three_digits_explains_the_notation() {
        assert_eq!(alasan_angka("88.62"), Alasan::KelompokRibuan("62".into()));
        assert_eq!(alasan_angka("1.5"), Alasan::KelompokRibuan("5".into()));
        assert_eq!(
            alasan_angka("1.5000"),
            Alasan::KelompokRibuan("5000".into())
        );
        assert_eq!(
            alasan_angka("1234.567"),
            Alasan::KelompokRibuan("1234".into())
        );
        let pesan = parse_angka("88.62").unwrap_err().to_string();
        assert!(pesan.contains("\"88.62\""), "{pesan}");
        assert!(pesan.contains("titik adalah pemisah ribuan"), "{pesan}");
        assert!(pesan.contains("koma adalah tanda desimal"), "{pesan}");
    }

    #[test]
    fn refuses_grouped_number_with_leading_zero() {
        assert_eq!(alasan_angka("0.500"), Alasan::NolDiDepan);
        assert_eq!(alasan_angka("01.500"), Alasan::NolDiDepan);
    }

    #[test]
    fn refuses_empty_text() {
        assert_eq!(alasan_angka(""), Alasan::Kosong);
        assert_eq!(alasan_angka(" \u{a0}\t"), Alasan::Kosong);
        assert_eq!(parse_persen("").unwrap_err().alasan, Alasan::Kosong);
        assert_eq!(parse_rupiah("  ").unwrap_err().alasan, Alasan::Kosong);
        assert_eq!(alasan_angka("-"), Alasan::TanpaDigit);
    }

    #[test]
    fn refuses_leading_and_trailing_separators() {
        assert_eq!(alasan_angka(",5"), Alasan::PemisahDiAwal);
        assert_eq!(alasan_angka("-,5"), Alasan::PemisahDiAwal);
        assert_eq!(alasan_angka(".500"), Alasan::PemisahDiAwal);
        assert_eq!(alasan_angka("5,"), Alasan::PemisahDiAkhir);
        assert_eq!(alasan_angka("1.500."), Alasan::PemisahDiAkhir);
        assert_eq!(alasan_angka("1..000"), Alasan::PemisahBeruntun);
        assert_eq!(alasan_angka("1.,5"), Alasan::PemisahBeruntun);
        assert_eq!(alasan_angka("1,.5"), Alasan::TitikSetelahKoma);
        assert_eq!(alasan_angka("1,,5"), Alasan::LebihDariSatuKoma);
    }

    #[test]
    fn refuses_misplaced_sign() {
        assert_eq!(alasan_angka("12-5"), Alasan::TandaMinusSalahTempat);
        assert_eq!(alasan_angka("--5"), Alasan::TandaMinusSalahTempat);
        assert_eq!(alasan_angka("5-"), Alasan::TandaMinusSalahTempat);
        assert_eq!(alasan_angka("+5"), Alasan::KarakterTidakSah('+'));
    }

    #[test]
    fn refuses_letters_and_inner_spaces() {
        assert_eq!(alasan_angka("12a"), Alasan::KarakterTidakSah('a'));
        assert_eq!(alasan_angka("1e5"), Alasan::KarakterTidakSah('e'));
        assert_eq!(alasan_angka("1 500"), Alasan::KarakterTidakSah(' '));
        assert_eq!(alasan_angka("- 5"), Alasan::KarakterTidakSah(' '));
        assert_eq!(alasan_angka("١٢"), Alasan::KarakterTidakSah('١'));
        let pesan = parse_angka("1 500").unwrap_err().to_string();
        assert!(pesan.contains("spasi"), "{pesan}");
    }

    #[test]
    fn refuses_values_past_the_bound_naming_it() {
        // The bound itself is a number; one millionth more is not.
        assert_eq!(parse_angka("1.000.000.000.000.000"), Ok(BATAS_ANGKA));
        assert_eq!(parse_angka("-1.000.000.000.000.000"), Ok(-BATAS_ANGKA));
        assert_eq!(
            alasan_angka("1.000.000.000.000.000,000001"),
            Alasan::MelebihiBatas
        );
        assert_eq!(
            parse_rupiah("Rp 1.000.000.000.000.000,01")
                .unwrap_err()
                .alasan,
            Alasan::MelebihiBatas
        );
        // Decimal::MAX, the value of the issue: refused at the boundary, not inside a sum.
        let e = parse_angka("79228162514264337593543950335").unwrap_err();
        assert_eq!(e.alasan, Alasan::MelebihiBatas);
        assert_eq!(
            e.to_string(),
            "angka \"79228162514264337593543950335\" tidak sah: melebihi batas 1.000.000.000.000.000"
        );
        assert_eq!(alasan_angka(&"9".repeat(200)), Alasan::MelebihiBatas);
        // Leading zeros do not count: 0000000000000000000001 is 1.
        assert_eq!(parse_angka(&format!("{}1", "0".repeat(40))), Ok(dec!(1)));
        assert_eq!(format_angka(BATAS_ANGKA, 0), BATAS_ANGKA_TEKS);
    }

    #[test]
    fn refuses_more_than_six_decimals() {
        assert_eq!(parse_angka("0,000001"), Ok(dec!(0.000001)));
        assert_eq!(
            alasan_angka("0,0000001"),
            Alasan::TerlaluBanyakDesimal {
                maks: 6,
                ditemukan: 7
            }
        );
        assert_eq!(
            alasan_angka(&format!("0,{}", "1".repeat(29))),
            Alasan::TerlaluBanyakDesimal {
                maks: 6,
                ditemukan: 29
            }
        );
    }

    #[test]
    fn a_value_handed_in_is_held_to_the_same_bounds() {
        assert_eq!(dalam_batas(BATAS_ANGKA), Ok(BATAS_ANGKA));
        assert_eq!(
            dalam_batas(Decimal::MAX).unwrap_err().to_string(),
            "angka \"79.228.162.514.264.337.593.543.950.335\" tidak sah: melebihi batas 1.000.000.000.000.000"
        );
        assert_eq!(
            dalam_batas(dec!(1.1234567)).unwrap_err().alasan,
            Alasan::TerlaluBanyakDesimal {
                maks: 6,
                ditemukan: 7
            }
        );
        // Trailing zeros are not decimals: 1,5000000 is 1,5.
        assert_eq!(dalam_batas(dec!(1.5000000)), Ok(dec!(1.5)));
    }

    #[test]
    fn accepts_trailing_zeros_beyond_the_decimals_allowed() {
        assert_eq!(
            parse_angka(&format!("1,5{}", "0".repeat(40))),
            Ok(dec!(1.5))
        );
        assert_eq!(
            parse_angka("1.000.000.000.000.000,00000000"),
            Ok(BATAS_ANGKA)
        );
    }

    #[test]
    fn formats_indonesian_notation() {
        assert_eq!(format_angka(dec!(1674830966.58), 2), "1.674.830.966,58");
        assert_eq!(format_angka(dec!(1500), 0), "1.500");
        assert_eq!(format_angka(dec!(-1234.5), 2), "-1.234,50");
        assert_eq!(format_angka(dec!(-12.5), 1), "-12,5");
        assert_eq!(format_angka(dec!(0.5), 1), "0,5");
        assert_eq!(format_angka(dec!(0.05), 2), "0,05");
        assert_eq!(format_angka(dec!(0), 2), "0,00");
        assert_eq!(format_angka(dec!(999), 0), "999");
        assert_eq!(format_angka(dec!(1000), 0), "1.000");
        assert_eq!(format_angka(dec!(100000), 0), "100.000");
        assert_eq!(format_angka(dec!(1.5), 0), "2");
        assert_eq!(
            format_angka(Decimal::MAX, 0),
            "79.228.162.514.264.337.593.543.950.335"
        );
        assert_eq!(
            format_angka(Decimal::MIN, 1),
            "-79.228.162.514.264.337.593.543.950.335,0"
        );
    }

    #[test]
    fn formats_the_seed_amounts() {
        assert_eq!(format_angka(dec!(354478761), 2), "354.478.761,00");
        assert_eq!(format_angka(dec!(889672130.00), 2), "889.672.130,00");
        assert_eq!(format_angka(dec!(1267731971), 2), "1.267.731.971,00");
    }

    #[test]
    fn never_prints_negative_zero() {
        assert_eq!(format_angka(dec!(-0.004), 2), "0,00");
        assert_eq!(format_angka(dec!(-0.4), 0), "0");
        assert_eq!(format_angka(-Decimal::ZERO, 2), "0,00");
        assert_eq!(format_persen(dec!(-0.004), 2), "0,00 %");
        assert!(!bulatkan(dec!(-0.004), 2).is_sign_negative());
        // Half away from zero: -0,005 is a real (if tiny) negative amount.
        assert_eq!(format_angka(dec!(-0.005), 2), "-0,01");
    }

    #[test]
    fn rounds_half_away_from_zero_like_the_reports() {
        // 12.845.000 / 20.000.000 = 0,64225 exactly -> 64,225 % -> 64,23 % (half away from zero).
        // Banker's rounding would give 64,22 (2 is even) and disagree with the published report.
        let persen = dec!(12845000) / dec!(20000000) * dec!(100);
        assert_eq!(persen, dec!(64.225));
        assert_eq!(bulatkan(persen, 2), dec!(64.23));
        assert_eq!(format_persen(persen, 2), "64,23 %");
        assert_ne!(
            persen.round_dp(2),
            bulatkan(persen, 2),
            "round_dp is banker's"
        );

        assert_eq!(bulatkan(dec!(-64.225), 2), dec!(-64.23));
        assert_eq!(bulatkan(dec!(2.5), 0), dec!(3));
        assert_eq!(bulatkan(dec!(-2.5), 0), dec!(-3));
        assert_eq!(bulatkan(dec!(1.5), 2), dec!(1.5));
    }

    #[test]
    fn rounds_realisation_percentage_of_the_seed() {
        // 354.478.761 / 400.000.000 = 0,8861969025 -> 88,61969025 % -> 88,62 % (third decimal 9).
        let persen = dec!(354478761) / dec!(400000000) * dec!(100);
        assert_eq!(persen, dec!(88.61969025));
        assert_eq!(format_persen(persen, 2), "88,62 %");
    }

    #[test]
    fn formats_percent_with_a_space_before_the_sign() {
        assert_eq!(format_persen(dec!(88.62), 2), "88,62 %");
        assert_eq!(format_persen(dec!(100), 0), "100 %");
        assert_eq!(
            parse_persen(&format_persen(dec!(88.62), 2)),
            Ok(dec!(88.62))
        );
    }

    #[test]
    fn formats_rupiah_with_two_decimals() {
        assert_eq!(
            format_rupiah(Rupiah::utuh(400_000_000)),
            "Rp 400.000.000,00"
        );
        assert_eq!(
            format_rupiah(Rupiah::new(dec!(1274830966.58)).unwrap()),
            "Rp 1.274.830.966,58"
        );
        assert_eq!(format_rupiah(Rupiah::NOL), "Rp 0,00");
        assert_eq!(format_rupiah(Rupiah::utuh(-5000)), "-Rp 5.000,00");
        assert_eq!(format_rupiah(Rupiah::new(dec!(0.5)).unwrap()), "Rp 0,50");
    }

    /// |x| <= 10^15 with up to 6 decimal places.
    fn decimal_laporan() -> impl Strategy<Value = Decimal> {
        (0u32..=6).prop_flat_map(|skala| {
            let batas = 10i128.pow(15 + skala);
            (-batas..=batas).prop_map(move |m| Decimal::from_i128_with_scale(m, skala))
        })
    }

    proptest! {
        /// Never a panic on user text (the API and forms pass anything through here).
        #[test]
        fn any_text_is_a_number_or_an_error(t in "\\PC{0,30}") {
            let _ = parse_angka(&t);
            let _ = parse_persen(&t);
            let _ = parse_rupiah(&t);
            let _ = crate::waktu::Tanggal::parse(&t);
            let _ = crate::model::Nip::parse(&t);
        }

        #[test]
        fn format_then_parse_gives_the_rounded_value(x in decimal_laporan()) {
            let teks = format_angka(x, 2);
            prop_assert_eq!(parse_angka(&teks), Ok(bulatkan(x, 2)), "{}", teks);
        }

        /// Whatever a computation printed reads back when it is within the bounds, and is
        /// refused with the reason when it is not.
        #[test]
        fn format_then_parse_gives_the_rounded_value_or_the_bound(
            x in decimal_apa_saja(),
            desimal in 0u32..=32,
        ) {
            let r = bulatkan(x, desimal);
            let harapan = if r.abs() > BATAS_ANGKA {
                Err(Alasan::MelebihiBatas)
            } else if r.normalize().scale() > MAKS_DESIMAL {
                Err(Alasan::TerlaluBanyakDesimal {
                    maks: MAKS_DESIMAL,
                    ditemukan: r.normalize().scale() as usize,
                })
            } else {
                Ok(r)
            };
            let teks = format_angka(x, desimal);
            prop_assert_eq!(parse_angka(&teks).map_err(|e| e.alasan), harapan.clone(), "{}", teks);
            prop_assert_eq!(teks.starts_with('-'), r < Decimal::ZERO);
            let persen = format_persen(x, desimal);
            prop_assert_eq!(parse_persen(&persen).map_err(|e| e.alasan), harapan, "{}", persen);
        }

        #[test]
        fn parse_never_panics(teks in any::<String>()) {
            let _ = parse_angka(&teks);
            let _ = parse_persen(&teks);
            let _ = parse_rupiah(&teks);
        }

        #[test]
        fn parse_never_panics_on_number_like_text(teks in "[ \u{a0}0-9.,%Rrp-]{0,40}") {
            for hasil in [parse_angka(&teks), parse_persen(&teks), parse_rupiah(&teks).map(Rupiah::nilai)] {
                match hasil {
                    // Whatever is accepted must print and read back as the same value.
                    Ok(n) => prop_assert_eq!(parse_angka(&format_angka(n, n.scale())), Ok(n)),
                    Err(e) => {
                        let genap = format!("{teks:?}");
                        prop_assert!(e.to_string().contains(&genap), "{}", e);
                    }
                }
            }
        }

        #[test]
        fn rupiah_round_trips_exactly(
            x in (0u32..=2).prop_flat_map(|skala| {
                let batas = 10i128.pow(15 + skala);
                (-batas..=batas).prop_map(move |m| Decimal::from_i128_with_scale(m, skala))
            }),
        ) {
            let r = Rupiah::new(x).unwrap();
            let teks = format_rupiah(r);
            let kembali = parse_rupiah(&teks);
            prop_assert_eq!(kembali.clone(), Ok(r), "{}", teks);
            prop_assert_eq!(kembali.map(format_rupiah), Ok(teks));
        }

        #[test]
        fn rupiah_past_the_bound_is_refused_however_it_comes(x in decimal_apa_saja()) {
            let x = x.round_dp(2);
            let teks = format_rupiah(Rupiah::utuh(0)).replace("0,00", &format_angka(x.abs(), 2));
            if x.abs() > BATAS_ANGKA {
                prop_assert!(Rupiah::new(x).is_err());
                prop_assert_eq!(parse_rupiah(&teks).map_err(|e| e.alasan), Err(Alasan::MelebihiBatas));
            } else {
                prop_assert_eq!(Rupiah::new(x).map(Rupiah::nilai), Ok(x));
                prop_assert_eq!(parse_rupiah(&teks).map(Rupiah::nilai), Ok(x.abs()));
            }
        }

        #[test]
        fn bulatkan_never_panics_and_never_gains_places(x in decimal_apa_saja(), desimal in 0u32..=30) {
            let r = bulatkan(x, desimal);
            prop_assert!(r.scale() <= desimal.max(x.scale()));
            if desimal < x.scale() {
                // Never off by more than half a unit in the last kept place.
                prop_assert!((r - x).abs() <= Decimal::new(5, desimal + 1));
            } else {
                prop_assert_eq!(r, x);
            }
        }
    }
}

#[cfg(test)]
mod romawi_tests {
    #[test]
    fn roman_numerals_of_program_numbers() {
        let v: Vec<String> = [1, 4, 9, 14, 40, 90]
            .iter()
            .map(|n| super::romawi(*n))
            .collect();
        assert_eq!(v, ["I", "IV", "IX", "XIV", "XL", "XC"]);
    }
}
