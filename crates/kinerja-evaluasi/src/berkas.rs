//! The worksheet's file form (TOML) and its parsing into a [`Lke`] that cannot hold an invalid
//! state: component weights add up to 100, each component's sub-components to 100 %, criteria
//! weights to 100 % or are all left out (equal shares), every answer scale has distinct codes,
//! every `skala`, `usulan` and `prasyarat` names something that exists. A file with any problem
//! yields no worksheet, and every problem is reported with its place.

use crate::lke::*;
use kinerja_core::serde_angka::Angka;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The worksheet of PermenPANRB 88/2021 that ships with kinerja.
pub const BAWAAN_88_2021: &str = include_str!("../bawaan/lke-88-2021.toml");

/// The bundled 88/2021 worksheet. It is checked by a test, so parsing it cannot fail.
pub fn bawaan() -> Lke {
    baca(BAWAAN_88_2021).unwrap_or_else(|e| panic!("bawaan/lke-88-2021.toml: {e:?}"))
}

/// Longest id, name and criterion text, in characters; most criteria and sub-components.
const ID_MAKS: usize = 50;
const NAMA_MAKS: usize = 500;
const URAIAN_MAKS: usize = 2_000;
const KRITERIA_MAKS: usize = 1_000;

/// One problem of a worksheet file: where (component, sub-component, criterion, field) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GalatLke {
    pub letak: String,
    pub pesan: String,
}

impl fmt::Display for GalatLke {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.letak, self.pesan)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileLke {
    nama: String,
    #[serde(default)]
    dasar: Option<String>,
    #[serde(default)]
    batas_bulan_pk: Option<u8>,
    #[serde(default)]
    skala: Vec<FileSkala>,
    #[serde(default)]
    komponen: Vec<FileKomponen>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSkala {
    id: String,
    nama: String,
    pilihan: Vec<FilePilihan>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FilePilihan {
    kode: String,
    nilai: Angka,
    #[serde(default)]
    arti: Option<String>,
    #[serde(default)]
    usulan_bila: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileKomponen {
    id: String,
    nama: String,
    bobot: Angka,
    #[serde(default)]
    sub: Vec<FileSub>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSub {
    id: String,
    nama: String,
    jenis: String,
    porsi: Angka,
    skala: String,
    #[serde(default)]
    kriteria: Vec<FileKriteria>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileKriteria {
    id: String,
    uraian: String,
    #[serde(default)]
    bobot: Option<Angka>,
    #[serde(default)]
    skala: Option<String>,
    #[serde(default)]
    usulan: Option<String>,
    #[serde(default)]
    prasyarat: Vec<String>,
    #[serde(default)]
    bukti: Option<String>,
}

/// Parses a worksheet file's text. All problems are returned, not the first.
pub fn baca(teks: &str) -> Result<Lke, Vec<GalatLke>> {
    let f: FileLke = toml::from_str(teks).map_err(|e| {
        let letak = match e.span() {
            Some(r) => {
                let baris = teks[..r.start.min(teks.len())].matches('\n').count() + 1;
                format!("baris {baris}")
            }
            None => "berkas".to_string(),
        };
        vec![GalatLke {
            letak,
            pesan: e.message().to_string(),
        }]
    })?;
    let mut g = Galat(Vec::new());
    let lke = susun(f, &mut g);
    if g.0.is_empty() { Ok(lke) } else { Err(g.0) }
}

struct Galat(Vec<GalatLke>);

impl Galat {
    fn lapor(&mut self, letak: impl Into<String>, pesan: impl Into<String>) {
        self.0.push(GalatLke {
            letak: letak.into(),
            pesan: pesan.into(),
        });
    }
    fn teks(&mut self, letak: &str, medan: &str, t: &str, maks: usize) {
        if t.trim().is_empty() {
            self.lapor(format!("{letak}, medan `{medan}`"), "kosong");
        } else if t.chars().count() > maks {
            self.lapor(
                format!("{letak}, medan `{medan}`"),
                format!("lebih dari {maks} karakter"),
            );
        }
    }
}

fn persen(d: Decimal) -> String {
    kinerja_core::angka::format_angka(d, d.scale())
}

fn susun(f: FileLke, g: &mut Galat) -> Lke {
    g.teks("lke", "nama", &f.nama, NAMA_MAKS);
    let batas_bulan_pk = f.batas_bulan_pk.unwrap_or(2);
    if !(1..=12).contains(&batas_bulan_pk) {
        g.lapor(
            "lke, medan `batas_bulan_pk`",
            format!("{batas_bulan_pk} bukan bulan (1-12)"),
        );
    }

    // Scales.
    let mut skala = Vec::new();
    let mut id_skala: HashMap<String, usize> = HashMap::new();
    for (i, s) in f.skala.into_iter().enumerate() {
        let letak = format!("[[skala]] ke-{} (\"{}\")", i + 1, s.id);
        g.teks(&letak, "id", &s.id, ID_MAKS);
        g.teks(&letak, "nama", &s.nama, NAMA_MAKS);
        if id_skala.insert(s.id.clone(), i).is_some() {
            g.lapor(format!("{letak}, medan `id`"), "id skala ganda");
        }
        if s.pilihan.len() < 2 {
            g.lapor(
                format!("{letak}, medan `pilihan`"),
                "skala perlu sedikitnya dua pilihan jawaban",
            );
        }
        let mut kode = HashSet::new();
        let mut pilihan = Vec::new();
        for (j, p) in s.pilihan.into_iter().enumerate() {
            let lp = format!("{letak}, pilihan ke-{} (\"{}\")", j + 1, p.kode);
            g.teks(&lp, "kode", &p.kode, ID_MAKS);
            if !kode.insert(p.kode.clone()) {
                g.lapor(
                    format!("{lp}, medan `kode`"),
                    "kode jawaban ganda dalam skala ini",
                );
            }
            if p.nilai.0.is_sign_negative() {
                g.lapor(format!("{lp}, medan `nilai`"), "nilai tidak boleh negatif");
            }
            if let Some(a) = &p.arti {
                g.teks(&lp, "arti", a, URAIAN_MAKS);
            }
            let usulan_bila = match p.usulan_bila.as_deref().map(str::trim) {
                None => None,
                Some("semua") => Some(Ambang::Semua),
                Some(t) if t.starts_with('>') => {
                    match kinerja_core::angka::parse_angka(t[1..].trim()) {
                        Ok(x) if x >= Decimal::ZERO && x < Decimal::ONE_HUNDRED => {
                            Some(Ambang::LebihDari(x))
                        }
                        _ => {
                            g.lapor(
                                format!("{lp}, medan `usulan_bila`"),
                                format!("\"{t}\": tulis \"semua\" atau \">75\" (persen 0 sampai di bawah 100)"),
                            );
                            None
                        }
                    }
                }
                Some(t) => {
                    g.lapor(
                        format!("{lp}, medan `usulan_bila`"),
                        format!("\"{t}\": tulis \"semua\" atau \">75\" (persen butir terpenuhi)"),
                    );
                    None
                }
            };
            pilihan.push(Pilihan {
                kode: p.kode,
                nilai: p.nilai.0,
                arti: p.arti,
                usulan_bila,
            });
        }
        let maks = pilihan
            .iter()
            .map(|p| p.nilai)
            .max()
            .unwrap_or(Decimal::ZERO);
        if maks <= Decimal::ZERO && !pilihan.is_empty() {
            g.lapor(
                format!("{letak}, medan `pilihan`"),
                "nilai terbesar skala harus lebih dari 0",
            );
        }
        skala.push(Skala {
            id: s.id,
            nama: s.nama,
            pilihan,
            maks,
        });
    }

    // Components, sub-components, criteria.
    let mut komponen = Vec::new();
    let mut indeks = HashMap::new();
    let mut indeks_sub = HashMap::new();
    let mut semua_id: HashSet<String> = HashSet::new();
    let mut usulan_mentah: Vec<(String, String)> = Vec::new();
    let mut jumlah_kriteria = 0usize;
    let mut total = Decimal::ZERO;
    if f.komponen.is_empty() {
        g.lapor("lke, medan `komponen`", "lembar kerja tanpa komponen");
    }
    for (ki, k) in f.komponen.into_iter().enumerate() {
        let letak_k = format!("[[komponen]] ke-{} (\"{}\")", ki + 1, k.id);
        g.teks(&letak_k, "id", &k.id, ID_MAKS);
        g.teks(&letak_k, "nama", &k.nama, NAMA_MAKS);
        if !semua_id.insert(k.id.clone()) {
            g.lapor(
                format!("{letak_k}, medan `id`"),
                "id ganda dalam lembar kerja",
            );
        }
        if k.bobot.0 <= Decimal::ZERO {
            g.lapor(
                format!("{letak_k}, medan `bobot`"),
                "bobot harus lebih dari 0",
            );
        }
        total += k.bobot.0;
        let mut porsi = Decimal::ZERO;
        let mut subs = Vec::new();
        if k.sub.is_empty() {
            g.lapor(
                format!("{letak_k}, medan `sub`"),
                "komponen tanpa sub komponen",
            );
        }
        for (si, s) in k.sub.into_iter().enumerate() {
            let letak_s = format!("{letak_k}, [[komponen.sub]] ke-{} (\"{}\")", si + 1, s.id);
            g.teks(&letak_s, "id", &s.id, ID_MAKS);
            g.teks(&letak_s, "nama", &s.nama, URAIAN_MAKS);
            if !semua_id.insert(s.id.clone()) {
                g.lapor(
                    format!("{letak_s}, medan `id`"),
                    "id ganda dalam lembar kerja",
                );
            }
            let jenis = match s.jenis.as_str() {
                "keberadaan" | "pemenuhan" => JenisSub::Keberadaan,
                "kualitas" => JenisSub::Kualitas,
                "pemanfaatan" => JenisSub::Pemanfaatan,
                lain => {
                    g.lapor(
                        format!("{letak_s}, medan `jenis`"),
                        format!(
                            "\"{lain}\": tulis \"keberadaan\", \"kualitas\" atau \"pemanfaatan\""
                        ),
                    );
                    JenisSub::Keberadaan
                }
            };
            if s.porsi.0 <= Decimal::ZERO {
                g.lapor(
                    format!("{letak_s}, medan `porsi`"),
                    "porsi harus lebih dari 0",
                );
            }
            porsi += s.porsi.0;
            let skala_sub = match id_skala.get(&s.skala) {
                Some(&i) => i,
                None => {
                    g.lapor(
                        format!("{letak_s}, medan `skala`"),
                        format!("skala \"{}\" tidak ada di [[skala]]", s.skala),
                    );
                    0
                }
            };
            if s.kriteria.is_empty() {
                g.lapor(
                    format!("{letak_s}, medan `kriteria`"),
                    "sub komponen tanpa kriteria",
                );
            }
            let berbobot = s.kriteria.iter().filter(|c| c.bobot.is_some()).count();
            if berbobot != 0 && berbobot != s.kriteria.len() {
                g.lapor(
                    format!("{letak_s}, medan `kriteria`"),
                    format!(
                        "{berbobot} dari {} kriteria berbobot: beri bobot semua kriteria (jumlah 100) atau tidak satu pun (bagian sama)",
                        s.kriteria.len()
                    ),
                );
            }
            let mut jumlah_bobot = Decimal::ZERO;
            let mut kriteria = Vec::new();
            for (ci, c) in s.kriteria.into_iter().enumerate() {
                jumlah_kriteria += 1;
                let letak_c = format!(
                    "{letak_s}, [[komponen.sub.kriteria]] ke-{} (\"{}\")",
                    ci + 1,
                    c.id
                );
                g.teks(&letak_c, "id", &c.id, ID_MAKS);
                g.teks(&letak_c, "uraian", &c.uraian, URAIAN_MAKS);
                if let Some(b) = &c.bukti {
                    g.teks(&letak_c, "bukti", b, URAIAN_MAKS);
                }
                if !semua_id.insert(c.id.clone()) {
                    g.lapor(
                        format!("{letak_c}, medan `id`"),
                        "id ganda dalam lembar kerja",
                    );
                }
                let bobot = match c.bobot {
                    Some(b) if b.0 <= Decimal::ZERO => {
                        g.lapor(
                            format!("{letak_c}, medan `bobot`"),
                            "bobot harus lebih dari 0",
                        );
                        b.0
                    }
                    Some(b) => b.0,
                    None => Decimal::ONE,
                };
                jumlah_bobot += bobot;
                let skala_c = match &c.skala {
                    None => skala_sub,
                    Some(id) => match id_skala.get(id) {
                        Some(&i) => i,
                        None => {
                            g.lapor(
                                format!("{letak_c}, medan `skala`"),
                                format!("skala \"{id}\" tidak ada di [[skala]]"),
                            );
                            skala_sub
                        }
                    },
                };
                let usulan = match &c.usulan {
                    None => None,
                    Some(n) => match Cek::dari_nama(n) {
                        Some(cek) => Some(cek),
                        None => {
                            g.lapor(
                                format!("{letak_c}, medan `usulan`"),
                                format!(
                                    "pemeriksaan \"{n}\" tidak dikenal: {}",
                                    Cek::SEMUA.map(|(_, n)| n).join(", ")
                                ),
                            );
                            None
                        }
                    },
                };
                for p in &c.prasyarat {
                    usulan_mentah.push((letak_c.clone(), p.clone()));
                }
                indeks.insert(c.id.clone(), (ki, si, ci));
                kriteria.push(Kriteria {
                    id: c.id,
                    uraian: c.uraian,
                    bobot,
                    skala: skala_c,
                    usulan,
                    prasyarat: c.prasyarat,
                    bukti: c.bukti,
                });
            }
            if berbobot == kriteria.len() && berbobot > 0 && jumlah_bobot != Decimal::ONE_HUNDRED {
                g.lapor(
                    format!("{letak_s}, medan `kriteria.bobot`"),
                    format!(
                        "bobot kriteria berjumlah {} %, harus 100 %",
                        persen(jumlah_bobot)
                    ),
                );
            }
            indeks_sub.insert(s.id.clone(), (ki, si));
            let bobot = k.bobot.0 * s.porsi.0 / Decimal::ONE_HUNDRED;
            subs.push(SubKomponen {
                id: s.id,
                nama: s.nama,
                jenis,
                porsi: s.porsi.0,
                bobot,
                kriteria,
            });
        }
        if !subs.is_empty() && porsi != Decimal::ONE_HUNDRED {
            g.lapor(
                format!("{letak_k}, medan `sub.porsi`"),
                format!(
                    "porsi sub komponen berjumlah {} %, harus 100 %",
                    persen(porsi)
                ),
            );
        }
        komponen.push(Komponen {
            id: k.id,
            nama: k.nama,
            bobot: k.bobot.0,
            sub: subs,
        });
    }
    if !komponen.is_empty() && total != Decimal::ONE_HUNDRED {
        g.lapor(
            "lke, medan `komponen.bobot`",
            format!("bobot komponen berjumlah {}, harus 100", persen(total)),
        );
    }
    if jumlah_kriteria > KRITERIA_MAKS {
        g.lapor(
            "lke, medan `komponen`",
            format!("{jumlah_kriteria} kriteria: paling banyak {KRITERIA_MAKS}"),
        );
    }
    for (letak, p) in &usulan_mentah {
        if !indeks.contains_key(p) && !indeks_sub.contains_key(p) {
            g.lapor(
                format!("{letak}, medan `prasyarat`"),
                format!("prasyarat \"{p}\" bukan kriteria atau sub komponen lembar kerja ini"),
            );
        }
    }
    let lke = Lke {
        nama: f.nama,
        dasar: f.dasar,
        batas_bulan_pk,
        skala,
        komponen,
        indeks,
        indeks_sub,
    };
    if g.0.is_empty() {
        periksa_lingkar(&lke, g);
    }
    lke
}

/// A prerequisite chain that returns to where it started (1.b.1 needs 1.a.3 needs 1.b.1) cannot
/// be meant; a sub-component as prerequisite stands for all its criteria.
fn periksa_lingkar(lke: &Lke, g: &mut Galat) {
    let tetangga = |id: &str| -> Vec<String> {
        if let Some((_, _, c)) = lke.kriteria(id) {
            c.prasyarat.clone()
        } else if let Some(s) = lke.sub(id) {
            s.kriteria.iter().map(|c| c.id.clone()).collect()
        } else {
            Vec::new()
        }
    };
    for (_, _, c) in lke.semua_kriteria() {
        // Depth-first from c's prerequisites; reaching c again is a cycle.
        let mut tumpukan: Vec<String> = c.prasyarat.clone();
        let mut dilihat: HashSet<String> = HashSet::new();
        while let Some(x) = tumpukan.pop() {
            if x == c.id {
                g.lapor(
                    format!("kriteria \"{}\", medan `prasyarat`", c.id),
                    "rantai prasyarat kembali ke kriteria ini sendiri",
                );
                break;
            }
            if dilihat.insert(x.clone()) {
                tumpukan.extend(tetangga(&x));
            }
        }
    }
}
