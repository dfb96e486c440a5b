//! Streaming tallies: count answers per unsur and answer, overall and per respondent group.
//! Memory is proportional to unsur x groups, never to respondents.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use super::{GalatSkm, Jawaban};

/// Counts of answers 1..4 per unsur, and the number of respondents tallied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tabulasi {
    jumlah: Vec<[u64; 4]>,
    responden: u64,
}

impl Tabulasi {
    pub fn new(jumlah_unsur: usize) -> Tabulasi {
        Tabulasi {
            jumlah: vec![[0; 4]; jumlah_unsur],
            responden: 0,
        }
    }

    /// Tallies one respondent, who must have answered every unsur.
    pub fn catat(&mut self, jawaban: &[Jawaban]) -> Result<(), GalatSkm> {
        if jawaban.len() != self.jumlah.len() {
            return Err(GalatSkm::JumlahUnsur {
                regime: "kuesioner".into(),
                diharapkan: self.jumlah.len(),
                didapat: jawaban.len(),
            });
        }
        for (c, j) in self.jumlah.iter_mut().zip(jawaban) {
            c[j.indeks()] += 1;
        }
        self.responden += 1;
        Ok(())
    }

    /// Adds `responden` respondents tallied elsewhere (a reader's own counters): `jumlah` per
    /// unsur and answer 1..4, every unsur's counts summing to `responden`, since every
    /// respondent answered every unsur.
    pub fn tambah(&mut self, jumlah: &[[u64; 4]], responden: u64) -> Result<(), GalatSkm> {
        if jumlah.len() != self.jumlah.len() {
            return Err(GalatSkm::JumlahUnsur {
                regime: "kuesioner".into(),
                diharapkan: self.jumlah.len(),
                didapat: jumlah.len(),
            });
        }
        let tidak_sah = |unsur: String, pesan: String| GalatSkm::DataTidakSah { unsur, pesan };
        for (u, c) in jumlah.iter().enumerate() {
            let n = c.iter().try_fold(0u64, |a, &x| a.checked_add(x));
            if n != Some(responden) {
                return Err(tidak_sah(
                    format!("U{}", u + 1),
                    format!("jumlah jawaban {c:?} tidak sama dengan {responden} responden"),
                ));
            }
        }
        let terlalu_besar = || tidak_sah("responden".into(), "jumlah terlalu besar".into());
        let total = self
            .responden
            .checked_add(responden)
            .ok_or_else(terlalu_besar)?;
        // Every count is at most the respondent total, which did not overflow.
        for (c, d) in self.jumlah.iter_mut().zip(jumlah) {
            for (x, y) in c.iter_mut().zip(d) {
                *x += y;
            }
        }
        self.responden = total;
        Ok(())
    }

    /// Counts per unsur: `[n1, n2, n3, n4]`.
    pub fn jumlah(&self) -> &[[u64; 4]] {
        &self.jumlah
    }

    pub fn responden(&self) -> u64 {
        self.responden
    }

    pub fn jumlah_unsur(&self) -> usize {
        self.jumlah.len()
    }
}

/// A respondent profile column the SKM report breaks results down by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JenisProfil {
    Layanan,
    JenisKelamin,
    Umur,
    Pendidikan,
    Pekerjaan,
    Tanggal,
}

/// Age bands used to group `umur` (years).
pub(crate) const KELOMPOK_UMUR: [(u32, &str); 6] = [
    (20, "< 20"),
    (30, "20-29"),
    (40, "30-39"),
    (50, "40-49"),
    (60, "50-59"),
    (u32::MAX, "60+"),
];

pub(crate) const KOSONG: &str = "(kosong)";

impl JenisProfil {
    pub const SEMUA: [JenisProfil; 6] = [
        JenisProfil::Layanan,
        JenisProfil::JenisKelamin,
        JenisProfil::Umur,
        JenisProfil::Pendidikan,
        JenisProfil::Pekerjaan,
        JenisProfil::Tanggal,
    ];

    pub fn label(self) -> &'static str {
        match self {
            JenisProfil::Layanan => "layanan",
            JenisProfil::JenisKelamin => "jenis kelamin",
            JenisProfil::Umur => "umur",
            JenisProfil::Pendidikan => "pendidikan",
            JenisProfil::Pekerjaan => "pekerjaan",
            JenisProfil::Tanggal => "tanggal",
        }
    }

    /// The group a raw cell value falls in: `umur` in ten-year bands (`< 20`, `20-29`, ...
    /// `60+`; a value that is not a whole number, e.g. a choice `20-30 tahun`, is its own group);
    /// `tanggal` by month (`2024-03` from `2024-03-15`, `2024-03-15T10:00:00` or the
    /// Indonesian day-first `15/03/2024`); any other column by its trimmed text. Empty is
    /// `(kosong)`.
    pub fn kelompok(self, nilai: &str) -> Cow<'_, str> {
        // ASCII trim first (fast); the Unicode trim only when a non-ASCII byte is at an end.
        let t = nilai.trim_ascii();
        let t = match (t.as_bytes().first(), t.as_bytes().last()) {
            (Some(a), Some(b)) if *a >= 0x80 || *b >= 0x80 => t.trim(),
            _ => t,
        };
        if t.is_empty() {
            return Cow::Borrowed(KOSONG);
        }
        match self {
            JenisProfil::Umur => match umur_tahun(t) {
                Ok(u) => Cow::Borrowed(
                    KELOMPOK_UMUR
                        .iter()
                        .find(|(batas, _)| u < *batas)
                        .map_or("60+", |(_, l)| l),
                ),
                Err(_) => Cow::Borrowed(t),
            },
            JenisProfil::Tanggal => bulan(t).unwrap_or(Cow::Borrowed(t)),
            _ => Cow::Borrowed(t),
        }
    }

    /// Sort key for groups: age bands in age order, months in time order, text alphabetically;
    /// `(kosong)` last.
    pub(crate) fn urutan(self, kelompok: &str) -> (u8, usize, String) {
        if kelompok == KOSONG {
            return (2, 0, String::new());
        }
        if self == JenisProfil::Umur
            && let Some(i) = KELOMPOK_UMUR.iter().position(|(_, l)| *l == kelompok)
        {
            return (0, i, String::new());
        }
        (1, 0, kelompok.to_lowercase())
    }
}

/// Years from `34`, or from `34 tahun` / `34 thn` / `34 th` as a form's free text gives them.
fn umur_tahun(t: &str) -> Result<u32, std::num::ParseIntError> {
    let digit = t.bytes().take_while(u8::is_ascii_digit).count();
    let sisa = t[digit..].trim().trim_end_matches('.').to_lowercase();
    if digit > 0 && matches!(sisa.as_str(), "tahun" | "thn" | "th") {
        return t[..digit].parse();
    }
    t.parse()
}

fn semua_digit(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn bulan(t: &str) -> Option<Cow<'_, str>> {
    let b = t.as_bytes();
    // ISO: YYYY-MM-DD... Checked on bytes: slicing the text at 4 could split a character.
    if b.len() >= 10
        && b[0..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
    {
        return Some(Cow::Borrowed(&t[0..7]));
    }
    // D/M/YYYY or DD-MM-YYYY (day first, as Indonesian exports write), optionally followed by
    // a time; M/D/YYYY when the second number cannot be a month (an English-locale Google Forms
    // or Microsoft Forms export: 3/15/2024); YYYY/MM/DD (Google's "2024/03/15 10:11:12 AM GMT+7").
    let tanggal = t.split_whitespace().next()?;
    let bagian: Vec<&str> = tanggal.split(['/', '-', '.']).collect();
    let [a, b, c] = bagian.as_slice() else {
        return None;
    };
    if !(semua_digit(a) && semua_digit(b) && semua_digit(c)) {
        return None;
    }
    let bulan_ok = |m: u32| (1..=12).contains(&m);
    let hari_ok = |h: u32| (1..=31).contains(&h);
    let (x, y): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    let (tahun, bulan) = if a.len() == 4 && c.len() <= 2 {
        let h: u32 = c.parse().ok()?;
        (*a, Some(y).filter(|m| bulan_ok(*m) && hari_ok(h)))
    } else if c.len() == 4 {
        let bulan = if bulan_ok(y) && hari_ok(x) {
            Some(y)
        } else if bulan_ok(x) && hari_ok(y) {
            Some(x)
        } else {
            None
        };
        (*c, bulan)
    } else {
        return None;
    };
    bulan.map(|m| Cow::Owned(format!("{tahun}-{m:02}")))
}

/// FxHash (as in rustc): a few cycles for the short group names hashed once per row and
/// column. Not collision-resistant; the keys are a survey file's profile values, and a file
/// built to collide only slows its own reading.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut c = bytes.chunks_exact(8);
        for w in &mut c {
            let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in c.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
}

type PetaFx = HashMap<String, usize, std::hash::BuildHasherDefault<Fx>>;

/// Tallies of one profile column: one [`Tabulasi`] per group value.
#[derive(Debug, Clone)]
pub struct RincianKolom {
    /// The column's header as it appears in the file.
    pub kolom: String,
    pub jenis: JenisProfil,
    kelompok: Vec<(String, Tabulasi)>,
    indeks: PetaFx,
    jumlah_unsur: usize,
}

impl RincianKolom {
    pub fn new(kolom: String, jenis: JenisProfil, jumlah_unsur: usize) -> RincianKolom {
        RincianKolom {
            kolom,
            jenis,
            kelompok: Vec::new(),
            indeks: PetaFx::default(),
            jumlah_unsur,
        }
    }

    /// Tallies a respondent under the group of `nilai` (the raw cell value).
    pub fn catat(&mut self, nilai: &str, jawaban: &[Jawaban]) -> Result<(), GalatSkm> {
        let i = self.indeks_kelompok(nilai);
        self.kelompok[i].1.catat(jawaban)
    }

    /// The index (in [`RincianKolom::kelompok`]) of the group of `nilai`, the group added when
    /// it is new. A reader that sees the same raw value on many rows can look its group up once
    /// and add its own counts with [`RincianKolom::tambah_di`]. Ask only for a respondent about to be
    /// tallied: a group nobody was tallied in cannot be computed.
    pub fn indeks_kelompok(&mut self, nilai: &str) -> usize {
        let k = self.jenis.kelompok(nilai);
        if let Some(&i) = self.indeks.get(k.as_ref()) {
            return i;
        }
        let i = self.kelompok.len();
        self.kelompok
            .push((k.to_string(), Tabulasi::new(self.jumlah_unsur)));
        self.indeks.insert(k.into_owned(), i);
        i
    }

    /// Adds respondents tallied elsewhere to the group at `indeks` (as given by
    /// [`RincianKolom::indeks_kelompok`]); see [`Tabulasi::tambah`].
    pub fn tambah_di(
        &mut self,
        indeks: usize,
        jumlah: &[[u64; 4]],
        responden: u64,
    ) -> Result<(), GalatSkm> {
        match self.kelompok.get_mut(indeks) {
            Some((_, t)) => t.tambah(jumlah, responden),
            None => Err(GalatSkm::DataTidakSah {
                unsur: "profil".into(),
                pesan: format!(
                    "kelompok ke-{} tidak ada di kolom {} ({} kelompok)",
                    indeks + 1,
                    self.kolom,
                    self.kelompok.len()
                ),
            }),
        }
    }

    /// Groups in first-seen order.
    pub fn kelompok(&self) -> &[(String, Tabulasi)] {
        &self.kelompok
    }
}

/// The tally of a whole survey: overall and per profile column.
#[derive(Debug, Clone)]
pub struct TabulasiSurvei {
    pub total: Tabulasi,
    pub rincian: Vec<RincianKolom>,
}

impl TabulasiSurvei {
    /// `profil`: the profile columns present, as (header, kind), in the order their values will
    /// be passed to [`TabulasiSurvei::catat`].
    pub fn new(jumlah_unsur: usize, profil: Vec<(String, JenisProfil)>) -> TabulasiSurvei {
        TabulasiSurvei {
            total: Tabulasi::new(jumlah_unsur),
            rincian: profil
                .into_iter()
                .map(|(k, j)| RincianKolom::new(k, j, jumlah_unsur))
                .collect(),
        }
    }

    /// Tallies one respondent: answers for every unsur, and one value per profile column.
    pub fn catat(&mut self, jawaban: &[Jawaban], profil: &[&str]) -> Result<(), GalatSkm> {
        if profil.len() != self.rincian.len() {
            return Err(GalatSkm::DataTidakSah {
                unsur: "profil".into(),
                pesan: format!(
                    "{} nilai profil untuk {} kolom",
                    profil.len(),
                    self.rincian.len()
                ),
            });
        }
        self.total.catat(jawaban)?;
        for (r, v) in self.rincian.iter_mut().zip(profil) {
            r.catat(v, jawaban)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Jawaban::*;

    #[test]
    fn tally_counts_per_unsur_and_answer() {
        let mut t = Tabulasi::new(2);
        t.catat(&[Baik, SangatBaik]).unwrap();
        t.catat(&[Baik, TidakBaik]).unwrap();
        assert_eq!(t.jumlah(), &[[0, 0, 2, 0], [1, 0, 0, 1]]);
        assert_eq!(t.responden(), 2);
        assert!(t.catat(&[Baik]).is_err());
        assert_eq!(t.responden(), 2);
    }

    #[test]
    fn age_bands_and_months() {
        let u = JenisProfil::Umur;
        assert_eq!(u.kelompok("19"), "< 20");
        assert_eq!(u.kelompok("20"), "20-29");
        assert_eq!(u.kelompok(" 59 "), "50-59");
        assert_eq!(u.kelompok("60"), "60+");
        assert_eq!(u.kelompok("20-30 tahun"), "20-30 tahun");
        // A form's free text: "34 tahun" is 34 years.
        assert_eq!(u.kelompok("34 tahun"), "30-39");
        assert_eq!(u.kelompok("61 Thn."), "60+");
        assert_eq!(u.kelompok("34 tahunan"), "34 tahunan");
        assert_eq!(u.kelompok(""), KOSONG);
        let t = JenisProfil::Tanggal;
        assert_eq!(t.kelompok("2024-03-15"), "2024-03");
        assert_eq!(t.kelompok("2024-03-15T10:11:12.000+07:00"), "2024-03");
        assert_eq!(t.kelompok("15/03/2024 10:00:00"), "2024-03");
        assert_eq!(t.kelompok("5-3-2024"), "2024-03");
        // English-locale exports, month first where the day is past 12; Google's year first.
        assert_eq!(t.kelompok("3/15/2024 10:11:12"), "2024-03");
        assert_eq!(t.kelompok("2024/03/15 10:11:12 AM GMT+7"), "2024-03");
        assert_eq!(t.kelompok("13/13/2024"), "13/13/2024");
        assert_eq!(t.kelompok("Maret"), "Maret");
        assert_eq!(JenisProfil::Layanan.kelompok(" KTP "), "KTP");
    }

    /// A reader that counts halves of a file apart merges their groups by name, so a group's
    /// name must fall in that same group.
    #[test]
    fn a_group_name_is_its_own_group() {
        let nilai = [
            "",
            " ",
            "19",
            "25",
            "59",
            "60",
            "61",
            "20-30 tahun",
            "34 tahun",
            "2024-03-15",
            "15/03/2024 10:00",
            "5-3-2024",
            "3/15/2024 10:11",
            "2024/03/15 10:11:12 AM GMT+7",
            "Maret",
            " KTP ",
            "Laki-laki",
            "(kosong)",
            "< 20",
            "60+",
            "2024-03",
        ];
        for jenis in JenisProfil::SEMUA {
            for v in nilai {
                let k = jenis.kelompok(v);
                assert_eq!(jenis.kelompok(&k), k, "{jenis:?} {v:?}");
            }
        }
    }

    #[test]
    fn survey_tally_by_group() {
        let mut s = TabulasiSurvei::new(
            1,
            vec![
                ("layanan".into(), JenisProfil::Layanan),
                ("umur".into(), JenisProfil::Umur),
            ],
        );
        s.catat(&[Baik], &["KTP", "25"]).unwrap();
        s.catat(&[SangatBaik], &["KK", "27"]).unwrap();
        s.catat(&[TidakBaik], &["KTP", "61"]).unwrap();
        assert_eq!(s.total.responden(), 3);
        let layanan = s.rincian[0].kelompok();
        assert_eq!(layanan[0].0, "KTP");
        assert_eq!(layanan[0].1.jumlah(), &[[1, 0, 1, 0]]);
        assert_eq!(layanan[1].0, "KK");
        let umur = s.rincian[1].kelompok();
        assert_eq!(umur[0].0, "20-29");
        assert_eq!(umur[0].1.responden(), 2);
        assert!(s.catat(&[Baik], &["KTP"]).is_err());
    }

    #[test]
    fn counts_added_in_bulk_tally_like_catat() {
        let mut t = Tabulasi::new(2);
        t.catat(&[Baik, SangatBaik]).unwrap();
        // Two more respondents: U1 answered 3 and 4, U2 answered 1 twice.
        t.tambah(&[[0, 0, 1, 1], [2, 0, 0, 0]], 2).unwrap();
        assert_eq!(t.jumlah(), &[[0, 0, 2, 1], [2, 0, 0, 1]]);
        assert_eq!(t.responden(), 3);
        // U2's counts sum to 1, not 2: refused, nothing added.
        assert!(t.tambah(&[[0, 0, 1, 1], [1, 0, 0, 0]], 2).is_err());
        assert!(t.tambah(&[[0, 0, 1, 1]], 2).is_err());
        assert!(t.tambah(&[[u64::MAX, 1, 0, 0], [0, 0, 0, 0]], 0).is_err());
        assert_eq!(t.responden(), 3);
    }

    #[test]
    fn a_group_looked_up_once_adds_like_catat() {
        let mut r = RincianKolom::new("umur".into(), JenisProfil::Umur, 1);
        // 25 and 27 share the band 20-29 (index 0); 61 opens 60+ (index 1).
        let i = r.indeks_kelompok("25");
        assert_eq!((i, r.indeks_kelompok("27")), (0, 0));
        assert_eq!(r.indeks_kelompok("61"), 1);
        r.tambah_di(i, &[[0, 0, 1, 0]], 1).unwrap();
        r.catat("27", &[SangatBaik]).unwrap();
        r.tambah_di(1, &[[1, 0, 0, 0]], 1).unwrap();
        assert_eq!(r.kelompok()[0].1.jumlah(), &[[0, 0, 1, 1]]);
        assert_eq!(r.kelompok()[1].1.responden(), 1);
        assert!(r.tambah_di(2, &[[0, 0, 1, 0]], 1).is_err());
    }
}
