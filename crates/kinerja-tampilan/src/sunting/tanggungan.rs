//! Removing a row of the plan: refused while anything else still uses it, with a message that
//! names what does, so nothing is lost by a removal the user did not see coming. An indicator
//! takes its own Renstra targets with it (they are fields of its form); everything else that
//! hangs on a row must be removed or moved first.

use kinerja_core::model::*;

/// What still uses a row: "2 indikator (I-S1-1, I-S1-2)".
struct Daftar(Vec<String>);

impl Daftar {
    fn tambah<'a>(&mut self, apa: &str, id: impl IntoIterator<Item = &'a str>) {
        let id: Vec<&str> = id.into_iter().collect();
        if id.is_empty() {
            return;
        }
        let mut contoh: Vec<&str> = id.iter().copied().take(5).collect();
        contoh.dedup();
        let lagi = if id.len() > 5 { ", ..." } else { "" };
        self.0
            .push(format!("{} {apa} ({}{lagi})", id.len(), contoh.join(", ")));
    }
    fn hitung(&mut self, apa: &str, n: usize) {
        if n > 0 {
            self.0.push(format!("{n} {apa}"));
        }
    }
}

/// The indicators `pemilik` owns, with their targets and realisasi counted into `d`.
fn indikator_milik(data: &DataInstansi, pemilik: &Pemilik, d: &mut Daftar) {
    let ind: Vec<&Indikator> = data
        .indikator
        .iter()
        .filter(|i| &i.pemilik == pemilik)
        .collect();
    d.tambah("indikator", ind.iter().map(|i| i.id.as_str()));
    let milik = |x: &kinerja_core::id::IndikatorId| ind.iter().any(|i| &i.id == x);
    d.hitung(
        "target",
        data.target.iter().filter(|t| milik(&t.indikator)).count(),
    );
    d.hitung(
        "realisasi",
        data.realisasi
            .iter()
            .filter(|r| milik(&r.indikator))
            .count(),
    );
}

/// What removing a row does: its name, its wording, and what goes with it.
pub struct Penghapusan {
    pub label: String,
    pub uraian: String,
    pub ikut: Vec<String>,
}

/// Removes the row `id` of `jenis` from `data`, or says what still uses it.
pub(super) fn hapus(data: &mut DataInstansi, jenis: &str, id: &str) -> Result<(), String> {
    periksa(data, jenis, id)?;
    match jenis {
        "tujuan" => data.tujuan.retain(|x| x.id.as_str() != id),
        "sasaran" => data.sasaran.retain(|x| x.id.as_str() != id),
        "indikator" => {
            data.indikator.retain(|x| x.id.as_str() != id);
            data.target.retain(|t| t.indikator.as_str() != id);
        }
        "program" => data.program.retain(|x| x.id.as_str() != id),
        "kegiatan" => data.kegiatan.retain(|x| x.id.as_str() != id),
        "strategi" => data.strategi.retain(|x| x.id.as_str() != id),
        "kebijakan" => data.kebijakan.retain(|x| x.id.as_str() != id),
        _ => data.sub_kegiatan.retain(|x| x.id.as_str() != id),
    }
    Ok(())
}

/// Whether the row `id` of `jenis` may be removed (what goes with it), or what still uses it.
/// The confirmation page and the removal ask the same question.
pub fn periksa(data: &DataInstansi, jenis: &str, id: &str) -> Result<Penghapusan, String> {
    let mut d = Daftar(Vec::new());
    let mut uraian = String::new();
    let mut ikut = Vec::new();
    let (label, ada) = match jenis {
        "tujuan" => {
            let t = data.tujuan.iter().find(|t| t.id.as_str() == id);
            if let Some(t) = t {
                d.tambah(
                    "sasaran",
                    data.sasaran_tujuan(&t.id)
                        .into_iter()
                        .map(|s| s.id.as_str()),
                );
                indikator_milik(data, &Pemilik::Tujuan(t.id.clone()), &mut d);
            }
            uraian = t.map(|t| t.uraian.clone()).unwrap_or_default();
            (t.map(|t| format!("Tujuan {}", t.nomor)), t.is_some())
        }
        "sasaran" => {
            let s = data.sasaran.iter().find(|s| s.id.as_str() == id);
            if let Some(s) = s {
                indikator_milik(data, &Pemilik::Sasaran(s.id.clone()), &mut d);
                d.tambah(
                    "program",
                    data.program
                        .iter()
                        .filter(|p| p.sasaran.as_ref() == Some(&s.id))
                        .map(|p| p.id.as_str()),
                );
                d.tambah(
                    "strategi",
                    data.strategi
                        .iter()
                        .filter(|x| x.sasaran.contains(&s.id))
                        .map(|x| x.id.as_str()),
                );
                d.hitung(
                    "analisis sasaran di Laporan Kinerja",
                    data.laporan
                        .iter()
                        .flat_map(|l| &l.analisis)
                        .filter(|a| a.sasaran == s.id)
                        .count(),
                );
            }
            uraian = s.map(|s| s.uraian.clone()).unwrap_or_default();
            (s.map(|s| format!("Sasaran {}", s.nomor)), s.is_some())
        }
        "indikator" => {
            let i = data.indikator.iter().find(|i| i.id.as_str() == id);
            if let Some(i) = i {
                let x = &i.id;
                d.hitung(
                    "realisasi",
                    data.realisasi.iter().filter(|r| &r.indikator == x).count(),
                );
                d.hitung(
                    "target RKT, Perjanjian Kinerja atau pengukuran",
                    data.target
                        .iter()
                        .filter(|t| &t.indikator == x && t.dokumen != DokumenTarget::Renstra)
                        .count(),
                );
                d.tambah(
                    "Perjanjian Kinerja",
                    data.perjanjian_kinerja
                        .iter()
                        .filter(|p| p.indikator.contains(x))
                        .map(|p| p.id.as_str()),
                );
                d.tambah(
                    "IKU",
                    data.iku
                        .iter()
                        .filter(|k| k.baris.iter().any(|b| &b.indikator == x))
                        .map(|k| k.id.as_str()),
                );
                d.hitung(
                    "pembanding",
                    data.pembanding.iter().filter(|p| &p.indikator == x).count(),
                );
                d.tambah(
                    "survei SKM",
                    data.skm
                        .iter()
                        .filter(|s| s.indikator.as_ref() == Some(x))
                        .map(|s| s.id.as_str()),
                );
            }
            if let Some(i) = i {
                uraian = i.uraian.clone();
                let n = data
                    .target
                    .iter()
                    .filter(|t| t.indikator == i.id && t.dokumen == DokumenTarget::Renstra)
                    .count();
                if n > 0 {
                    ikut.push(format!("{n} target Renstra indikator ini"));
                }
            }
            (i.map(|i| format!("Indikator {}", i.nomor)), i.is_some())
        }
        "program" => {
            let p = data.program.iter().find(|p| p.id.as_str() == id);
            if let Some(p) = p {
                d.tambah(
                    "kegiatan",
                    data.kegiatan
                        .iter()
                        .filter(|k| k.program == p.id)
                        .map(|k| k.id.as_str()),
                );
                indikator_milik(data, &Pemilik::Program(p.id.clone()), &mut d);
                d.tambah(
                    "Perjanjian Kinerja (anggaran program)",
                    data.perjanjian_kinerja
                        .iter()
                        .filter(|k| k.anggaran.iter().any(|a| a.program == p.id))
                        .map(|k| k.id.as_str()),
                );
                d.tambah(
                    "RKT",
                    data.rkt
                        .iter()
                        .filter(|r| r.program.contains(&p.id))
                        .map(|r| r.id.as_str()),
                );
            }
            (p.map(|p| format!("Program {}", p.nama)), p.is_some())
        }
        "kegiatan" => {
            let k = data.kegiatan.iter().find(|k| k.id.as_str() == id);
            if let Some(k) = k {
                d.tambah(
                    "sub kegiatan",
                    data.sub_kegiatan
                        .iter()
                        .filter(|s| s.kegiatan == k.id)
                        .map(|s| s.id.as_str()),
                );
                indikator_milik(data, &Pemilik::Kegiatan(k.id.clone()), &mut d);
                d.tambah(
                    "pos anggaran",
                    data.anggaran
                        .iter()
                        .filter(|a| a.tempat == TempatAnggaran::Kegiatan(k.id.clone()))
                        .map(|a| a.id.as_str()),
                );
                d.tambah(
                    "RKT",
                    data.rkt
                        .iter()
                        .filter(|r| r.kegiatan.iter().any(|x| x.kegiatan == k.id))
                        .map(|r| r.id.as_str()),
                );
            }
            (k.map(|k| format!("Kegiatan {}", k.nama)), k.is_some())
        }
        "sub_kegiatan" => {
            let s = data.sub_kegiatan.iter().find(|s| s.id.as_str() == id);
            if let Some(s) = s {
                indikator_milik(data, &Pemilik::SubKegiatan(s.id.clone()), &mut d);
                d.tambah(
                    "pos anggaran",
                    data.anggaran
                        .iter()
                        .filter(|a| a.tempat == TempatAnggaran::SubKegiatan(s.id.clone()))
                        .map(|a| a.id.as_str()),
                );
            }
            (s.map(|s| format!("Sub kegiatan {}", s.nama)), s.is_some())
        }
        "strategi" => {
            let s = data.strategi.iter().find(|s| s.id.as_str() == id);
            if let Some(s) = s {
                uraian = s.uraian.clone();
                d.tambah(
                    "kebijakan",
                    data.kebijakan
                        .iter()
                        .filter(|k| k.strategi == s.id)
                        .map(|k| k.id.as_str()),
                );
            }
            (s.map(|_| "Strategi".to_string()), s.is_some())
        }
        "kebijakan" => {
            let k = data.kebijakan.iter().find(|k| k.id.as_str() == id);
            uraian = k.map(|k| k.uraian.clone()).unwrap_or_default();
            (k.map(|_| "Kebijakan".to_string()), k.is_some())
        }
        _ => return Err("baris ini tidak dapat dihapus di sini".into()),
    };
    if !ada {
        return Err("baris ini tidak ada lagi; muat ulang halaman".into());
    }
    let label = label.unwrap_or_default();
    if !d.0.is_empty() {
        return Err(format!(
            "{label} tidak dihapus karena masih dipakai oleh {}. Hapus atau pindahkan \
             semuanya dahulu; tidak ada yang diubah.",
            d.0.join(", ")
        ));
    }
    Ok(Penghapusan {
        label,
        uraian,
        ikut,
    })
}
