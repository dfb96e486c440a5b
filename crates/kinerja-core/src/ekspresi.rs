//! The expression language of rules, after DHIS2's validation rules: arithmetic over data
//! elements written `#{nama}`, numbers (`100`, `1,5` or `1.5`), `+ - * /`, parentheses and the
//! functions `abs(x)`, `min(a; b)`, `max(a; b)`. A missing data element makes the expression
//! missing, unless the strategy (`StrategiKosong`) says to treat it as 0.
//!
//! One parser for the reviu's rules and the indicators' formulas (`model::Rumus`): the reviu
//! re-exports this module.

use rust_decimal::Decimal;
use std::fmt;
use std::str::FromStr;

/// What to do when a data element is missing (DHIS2's missing value strategy), for a reviu
/// rule and for a formula indicator alike.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    Default,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum StrategiKosong {
    /// Skip the item (a formula: not available) if any element is missing.
    #[default]
    LewatiJikaAdaKosong,
    /// Skip only if every element is missing; the missing ones count as 0.
    LewatiJikaSemuaKosong,
    /// Never skip: missing elements count as 0.
    TidakPernahLewati,
}

impl StrategiKosong {
    /// Whether to skip, given whether each referenced element is present.
    pub fn lewati(self, ada: impl IntoIterator<Item = bool>) -> bool {
        let ada: Vec<bool> = ada.into_iter().collect();
        match self {
            StrategiKosong::LewatiJikaAdaKosong => ada.iter().any(|a| !a),
            StrategiKosong::LewatiJikaSemuaKosong => !ada.is_empty() && ada.iter().all(|a| !a),
            StrategiKosong::TidakPernahLewati => false,
        }
    }
    /// Whether a missing element reads as 0 once the item is not skipped.
    pub fn kosong_nol(self) -> bool {
        self != StrategiKosong::LewatiJikaAdaKosong
    }
    pub fn keterangan(self) -> &'static str {
        match self {
            StrategiKosong::LewatiJikaAdaKosong => "tidak tersedia bila ada data yang kosong",
            StrategiKosong::LewatiJikaSemuaKosong => {
                "data kosong dihitung 0, tidak tersedia bila semua kosong"
            }
            StrategiKosong::TidakPernahLewati => "data kosong dihitung 0",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Ekspresi {
    Angka(Decimal),
    Data(String),
    Negatif(Box<Ekspresi>),
    Biner(Box<Ekspresi>, Op, Box<Ekspresi>),
    Fungsi(Fungsi, Vec<Ekspresi>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Tambah,
    Kurang,
    Kali,
    Bagi,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fungsi {
    Abs,
    Min,
    Maks,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("ekspresi \"{teks}\" tidak sah pada posisi {posisi}: {pesan}")]
pub struct GalatEkspresi {
    pub teks: String,
    pub posisi: usize,
    pub pesan: String,
}

/// The longest expression, in characters: a rule is a formula a person writes, not data.
pub const PANJANG_MAKS: usize = 1_000;
/// The deepest nesting of parentheses, signs and function calls: the parser recurses on
/// them, and a rules file is input.
pub const KEDALAMAN_MAKS: usize = 32;

struct Pengurai<'a> {
    teks: &'a str,
    pos: usize,
    dalam: usize,
}

impl<'a> Pengurai<'a> {
    fn galat(&self, pesan: impl Into<String>) -> GalatEkspresi {
        GalatEkspresi {
            teks: self.teks.to_string(),
            posisi: self.pos + 1,
            pesan: pesan.into(),
        }
    }
    fn spasi(&mut self) {
        while self.teks[self.pos..].starts_with(char::is_whitespace) {
            self.pos += self.teks[self.pos..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        }
    }
    fn lihat(&mut self) -> Option<char> {
        self.spasi();
        self.teks[self.pos..].chars().next()
    }
    fn makan(&mut self, c: char) -> bool {
        if self.lihat() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }
    fn ekspresi(&mut self) -> Result<Ekspresi, GalatEkspresi> {
        let mut kiri = self.suku()?;
        loop {
            let op = match self.lihat() {
                Some('+') => Op::Tambah,
                Some('-') => Op::Kurang,
                _ => return Ok(kiri),
            };
            self.pos += 1;
            let kanan = self.suku()?;
            kiri = Ekspresi::Biner(Box::new(kiri), op, Box::new(kanan));
        }
    }
    fn suku(&mut self) -> Result<Ekspresi, GalatEkspresi> {
        let mut kiri = self.faktor()?;
        loop {
            let op = match self.lihat() {
                Some('*') => Op::Kali,
                Some('/') => Op::Bagi,
                _ => return Ok(kiri),
            };
            self.pos += 1;
            let kanan = self.faktor()?;
            kiri = Ekspresi::Biner(Box::new(kiri), op, Box::new(kanan));
        }
    }
    fn faktor(&mut self) -> Result<Ekspresi, GalatEkspresi> {
        self.dalam += 1;
        if self.dalam > KEDALAMAN_MAKS {
            return Err(self.galat(format!(
                "ekspresi bersarang lebih dari {KEDALAMAN_MAKS} tingkat"
            )));
        }
        let e = self.faktor_isi();
        self.dalam -= 1;
        e
    }
    fn faktor_isi(&mut self) -> Result<Ekspresi, GalatEkspresi> {
        match self.lihat() {
            Some('-') => {
                self.pos += 1;
                Ok(Ekspresi::Negatif(Box::new(self.faktor()?)))
            }
            Some('(') => {
                self.pos += 1;
                let e = self.ekspresi()?;
                if !self.makan(')') {
                    return Err(self.galat("kurung tutup ')' diharapkan"));
                }
                Ok(e)
            }
            Some('#') => {
                if !self.teks[self.pos..].starts_with("#{") {
                    return Err(self.galat("rujukan data ditulis #{nama}"));
                }
                let awal = self.pos + 2;
                let Some(tutup) = self.teks[awal..].find('}') else {
                    return Err(self.galat("'}' penutup rujukan data tidak ada"));
                };
                let nama = self.teks[awal..awal + tutup].trim().to_string();
                if nama.is_empty() {
                    return Err(self.galat("nama data kosong"));
                }
                self.pos = awal + tutup + 1;
                Ok(Ekspresi::Data(nama))
            }
            Some(c) if c.is_ascii_digit() => {
                let awal = self.pos;
                while self.teks[self.pos..]
                    .starts_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.')
                {
                    self.pos += 1;
                }
                let t = self.teks[awal..self.pos].replace(',', ".");
                Decimal::from_str(&t).map(Ekspresi::Angka).map_err(|_| {
                    self.galat(format!(
                        "angka \"{}\" tidak sah",
                        &self.teks[awal..self.pos]
                    ))
                })
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let awal = self.pos;
                while self.teks[self.pos..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                    self.pos += 1;
                }
                let f = match &self.teks[awal..self.pos] {
                    "abs" => Fungsi::Abs,
                    "min" => Fungsi::Min,
                    "max" | "maks" => Fungsi::Maks,
                    lain => {
                        return Err(
                            self.galat(format!("fungsi \"{lain}\" tidak dikenal (abs, min, max)"))
                        );
                    }
                };
                if !self.makan('(') {
                    return Err(self.galat("'(' diharapkan setelah nama fungsi"));
                }
                let mut arg = vec![self.ekspresi()?];
                while self.makan(';') {
                    arg.push(self.ekspresi()?);
                }
                if !self.makan(')') {
                    return Err(self.galat("')' diharapkan; argumen dipisah dengan ';'"));
                }
                let n = if f == Fungsi::Abs { 1 } else { 2 };
                if arg.len() != n {
                    return Err(self.galat(format!("fungsi memerlukan {n} argumen")));
                }
                Ok(Ekspresi::Fungsi(f, arg))
            }
            Some(c) => Err(self.galat(format!("karakter '{c}' tidak diharapkan"))),
            None => Err(self.galat("ekspresi berakhir terlalu cepat")),
        }
    }
}

impl Ekspresi {
    pub fn parse(teks: &str) -> Result<Ekspresi, GalatEkspresi> {
        let mut p = Pengurai {
            teks,
            pos: 0,
            dalam: 0,
        };
        let n = teks.chars().count();
        if n > PANJANG_MAKS {
            return Err(p.galat(format!(
                "ekspresi {n} karakter, paling panjang {PANJANG_MAKS}"
            )));
        }
        let e = p.ekspresi()?;
        if p.lihat().is_some() {
            return Err(p.galat("sisa teks setelah ekspresi"));
        }
        Ok(e)
    }

    /// The data elements the expression refers to.
    pub fn rujukan(&self) -> Vec<&str> {
        let mut v = Vec::new();
        self.kumpulkan(&mut v);
        v
    }
    fn kumpulkan<'a>(&'a self, v: &mut Vec<&'a str>) {
        match self {
            Ekspresi::Angka(_) => {}
            Ekspresi::Data(n) => v.push(n),
            Ekspresi::Negatif(e) => e.kumpulkan(v),
            Ekspresi::Biner(..) => {
                let (kiri, kanan) = self.rantai();
                kiri.kumpulkan(v);
                kanan.iter().for_each(|(_, b)| b.kumpulkan(v));
            }
            Ekspresi::Fungsi(_, a) => a.iter().for_each(|e| e.kumpulkan(v)),
        }
    }

    /// A chain `a + b - c ...` parses into a tree as deep as the chain is long (operators
    /// associate to the left). Its leftmost operand and the (operator, operand) pairs after it
    /// in order, found by a loop, so that walking a long chain does not recurse once per term.
    fn rantai(&self) -> (&Ekspresi, Vec<(Op, &Ekspresi)>) {
        let mut kanan = Vec::new();
        let mut e = self;
        while let Ekspresi::Biner(a, op, b) = e {
            kanan.push((*op, b.as_ref()));
            e = a;
        }
        kanan.reverse();
        (e, kanan)
    }

    /// Evaluates with `data` resolving each element; `None` when an element is missing (and
    /// `kosong_nol` is false) or a division by zero happens.
    pub fn nilai(
        &self,
        data: &dyn Fn(&str) -> Option<Decimal>,
        kosong_nol: bool,
    ) -> Option<Decimal> {
        match self {
            Ekspresi::Angka(d) => Some(*d),
            Ekspresi::Data(n) => data(n).or(if kosong_nol {
                Some(Decimal::ZERO)
            } else {
                None
            }),
            Ekspresi::Negatif(e) => e.nilai(data, kosong_nol).map(|x| -x),
            Ekspresi::Biner(..) => {
                let (kiri, kanan) = self.rantai();
                let mut a = kiri.nilai(data, kosong_nol)?;
                for (op, b) in kanan {
                    let b = b.nilai(data, kosong_nol)?;
                    a = match op {
                        Op::Tambah => a.checked_add(b),
                        Op::Kurang => a.checked_sub(b),
                        Op::Kali => a.checked_mul(b),
                        Op::Bagi => a.checked_div(b),
                    }?;
                }
                Some(a)
            }
            Ekspresi::Fungsi(f, a) => {
                let x = a[0].nilai(data, kosong_nol)?;
                match f {
                    Fungsi::Abs => Some(x.abs()),
                    Fungsi::Min => Some(x.min(a[1].nilai(data, kosong_nol)?)),
                    Fungsi::Maks => Some(x.max(a[1].nilai(data, kosong_nol)?)),
                }
            }
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Op::Tambah => "+",
            Op::Kurang => "-",
            Op::Kali => "*",
            Op::Bagi => "/",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn hitung(t: &str, data: &[(&str, Decimal)]) -> Option<Decimal> {
        let e = Ekspresi::parse(t).unwrap();
        e.nilai(
            &|n| data.iter().find(|(k, _)| *k == n).map(|(_, v)| *v),
            false,
        )
    }

    #[test]
    fn nesting_and_length_are_bounded_for_every_kind_of_nesting() {
        // 32 levels of each kind are read and evaluate to 1 (or -1 for an odd count of signs).
        let kurung = format!("{}1{}", "(".repeat(31), ")".repeat(31));
        assert_eq!(hitung(&kurung, &[]), Some(dec!(1)));
        assert_eq!(hitung(&format!("{}1", "-".repeat(31)), &[]), Some(dec!(-1)));
        let fungsi = format!("{}1{}", "abs(".repeat(31), ")".repeat(31));
        assert_eq!(hitung(&fungsi, &[]), Some(dec!(1)));
        // One level more of any kind, or any mix, is refused, never a stack overflow; so is a
        // formula past 1.000 characters, however flat.
        for t in [
            format!("{}1{}", "(".repeat(32), ")".repeat(32)),
            format!("{}1", "-".repeat(32)),
            format!("{}1{}", "abs(".repeat(32), ")".repeat(32)),
            format!("{}1{}", "(-abs(".repeat(11), "))".repeat(11)),
            "(".repeat(100_000),
        ] {
            let e = Ekspresi::parse(&t).unwrap_err();
            assert!(
                e.pesan.contains("32 tingkat") || e.pesan.contains("paling panjang"),
                "{}",
                e.pesan
            );
        }
        let datar = vec!["1"; 501].join("+");
        assert!(
            Ekspresi::parse(&datar)
                .unwrap_err()
                .pesan
                .contains("paling panjang")
        );
        // The longest flat chain is evaluated in a loop, not a recursion per term (this test's
        // thread has the 2 MiB stack of a server worker).
        let datar = vec!["1"; 500].join("+");
        assert_eq!(hitung(&datar, &[]), Some(dec!(500)));
        let e = Ekspresi::parse(&vec!["#{a}"; 200].join("-")).unwrap();
        assert_eq!(e.rujukan().len(), 200);
    }

    #[test]
    fn arithmetic_and_precedence() {
        // 354.478.761 / 400.000.000 x 100 = 88,61969025.
        assert_eq!(
            hitung(
                "#{realisasi} / #{pagu} * 100",
                &[("realisasi", dec!(354478761)), ("pagu", dec!(400000000))]
            ),
            Some(dec!(88.61969025))
        );
        assert_eq!(hitung("2 + 3 * 4", &[]), Some(dec!(14)));
        assert_eq!(hitung("(2 + 3) * 4", &[]), Some(dec!(20)));
        assert_eq!(hitung("-2 + 1,5", &[]), Some(dec!(-0.5)));
        assert_eq!(
            hitung("abs(#{a} - #{b})", &[("a", dec!(3)), ("b", dec!(5))]),
            Some(dec!(2))
        );
        assert_eq!(hitung("max(1; min(5; 3))", &[]), Some(dec!(3)));
    }

    #[test]
    fn missing_data_and_division_by_zero_are_missing() {
        assert_eq!(hitung("#{x} + 1", &[]), None);
        assert_eq!(hitung("1 / #{x}", &[("x", dec!(0))]), None);
        let e = Ekspresi::parse("#{x} + 1").unwrap();
        assert_eq!(e.nilai(&|_| None, true), Some(dec!(1)));
        assert_eq!(e.rujukan(), vec!["x"]);
    }

    #[test]
    fn bad_expressions_say_where() {
        let e = Ekspresi::parse("#{a} + ").unwrap_err();
        assert!(e.to_string().contains("posisi 8"), "{e}");
        assert!(
            Ekspresi::parse("sqrt(4)")
                .unwrap_err()
                .to_string()
                .contains("sqrt")
        );
        assert!(Ekspresi::parse("(1 + 2").is_err());
        assert!(Ekspresi::parse("#{a").is_err());
        assert!(Ekspresi::parse("1 2").is_err());
    }
}
