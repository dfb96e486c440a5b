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
mod tests;
