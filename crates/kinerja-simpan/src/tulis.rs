//! Records to rows and back (`baca`: rows to records). Targets, realisasi, data element values
//! and budget lines have typed columns (these are what roll-ups across a kabupaten or the
//! nation read); instansi are global, shared by every data set that names them; every other
//! table is one JSON row per record.

mod baca;
pub(crate) use baca::{instansi_dari, muat_rekaman, nilai_data_dari, realisasi_dari};

use crate::basis::{P, Tx};
use crate::rekaman::{self, Rekaman};
use crate::{Galat, Pelaku};
use kinerja_core::model::*;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::Bulan;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use time::OffsetDateTime;

fn rusak(e: impl std::fmt::Display) -> Galat {
    Galat::Rusak(e.to_string())
}

/// An enum as its serde name (`perjanjian_kinerja`), the form the data file uses too.
pub(crate) fn nama_enum<T: Serialize>(x: &T) -> String {
    match serde_json::to_value(x) {
        Ok(Value::String(s)) => s,
        other => unreachable!("unit enum variant expected, got {other:?}"),
    }
}

pub(crate) fn enum_dari<T: DeserializeOwned>(s: String) -> Result<T, Galat> {
    serde_json::from_value(Value::String(s)).map_err(rusak)
}

fn dari_isi<T: DeserializeOwned>(r: &Rekaman) -> Result<T, Galat> {
    // From the borrowed value: no copy of the record.
    <T as serde::Deserialize>::deserialize(&r.isi).map_err(rusak)
}

pub(crate) fn ke_rekaman<T: Serialize>(tabel: &str, x: &T) -> Rekaman {
    let isi = serde_json::to_value(x).expect("the model serializes");
    Rekaman {
        tabel: tabel.to_string(),
        kunci: rekaman::kunci(tabel, &isi),
        isi,
    }
}

/// An upsert statement: the part before `VALUES`, the number of columns, the part after.
pub(crate) struct Sisip {
    awal: &'static str,
    kolom: usize,
    akhir: &'static str,
}

impl Sisip {
    /// The same table and columns as a `COPY ... FROM STDIN` (text format), for the bulk load
    /// (`massal`), which writes only new rows: `INSERT INTO t (a, b) VALUES` becomes
    /// `COPY t (a, b) FROM STDIN`.
    pub(crate) fn salin(&self) -> String {
        let tabel = self
            .awal
            .trim_start_matches("INSERT INTO ")
            .trim_end_matches(" VALUES");
        format!("COPY {tabel} FROM STDIN")
    }
}

const SISIP_INSTANSI: Sisip = Sisip {
    awal: "INSERT INTO instansi (id, nama, jenis, induk, kode, alamat, catatan) VALUES",
    kolom: 7,
    akhir: "ON CONFLICT (id) DO UPDATE SET nama = excluded.nama, jenis = excluded.jenis, \
            induk = excluded.induk, kode = excluded.kode, alamat = excluded.alamat, \
            catatan = excluded.catatan",
};
const SISIP_CAKUPAN: Sisip = Sisip {
    awal: "INSERT INTO cakupan (pelapor, instansi, urutan) VALUES",
    kolom: 3,
    akhir: "ON CONFLICT (pelapor, instansi) DO UPDATE SET urutan = excluded.urutan",
};
const SISIP_TARGET: Sisip = Sisip {
    awal: "INSERT INTO target (pelapor, indikator, tahun, dokumen, nilai, uraian, catatan, urutan) VALUES",
    kolom: 8,
    akhir: "ON CONFLICT (pelapor, indikator, tahun, dokumen) DO UPDATE SET nilai = excluded.nilai, \
            uraian = excluded.uraian, catatan = excluded.catatan, urutan = excluded.urutan",
};
const SISIP_REALISASI: Sisip = Sisip {
    awal: "INSERT INTO realisasi (pelapor, indikator, tahun, periode, nilai, sumber, catatan, urutan) VALUES",
    kolom: 8,
    akhir: "ON CONFLICT (pelapor, indikator, tahun, periode) DO UPDATE SET nilai = excluded.nilai, \
            sumber = excluded.sumber, catatan = excluded.catatan, urutan = excluded.urutan",
};
const SISIP_NILAI_DATA: Sisip = Sisip {
    awal: "INSERT INTO nilai_data (pelapor, elemen, instansi, tahun, periode, nilai, sumber, catatan, urutan) VALUES",
    kolom: 9,
    akhir: "ON CONFLICT (pelapor, elemen, instansi, tahun, periode) DO UPDATE SET nilai = excluded.nilai, \
            sumber = excluded.sumber, catatan = excluded.catatan, urutan = excluded.urutan",
};
const SISIP_ANGGARAN: Sisip = Sisip {
    awal: "INSERT INTO pos_anggaran (pelapor, id, tahun, tempat, tempat_id, jenis, pagu, realisasi, catatan, urutan, \
           pagu_perubahan, realisasi_01, realisasi_02, realisasi_03, realisasi_04, realisasi_05, realisasi_06, \
           realisasi_07, realisasi_08, realisasi_09, realisasi_10, realisasi_11, realisasi_12) VALUES",
    kolom: 23,
    akhir: "ON CONFLICT (pelapor, id) DO UPDATE SET tahun = excluded.tahun, tempat = excluded.tempat, \
            tempat_id = excluded.tempat_id, jenis = excluded.jenis, pagu = excluded.pagu, \
            realisasi = excluded.realisasi, catatan = excluded.catatan, urutan = excluded.urutan, \
            pagu_perubahan = excluded.pagu_perubahan, realisasi_01 = excluded.realisasi_01, \
            realisasi_02 = excluded.realisasi_02, realisasi_03 = excluded.realisasi_03, \
            realisasi_04 = excluded.realisasi_04, realisasi_05 = excluded.realisasi_05, \
            realisasi_06 = excluded.realisasi_06, realisasi_07 = excluded.realisasi_07, \
            realisasi_08 = excluded.realisasi_08, realisasi_09 = excluded.realisasi_09, \
            realisasi_10 = excluded.realisasi_10, realisasi_11 = excluded.realisasi_11, \
            realisasi_12 = excluded.realisasi_12",
};
const SISIP_REKAMAN: Sisip = Sisip {
    awal: "INSERT INTO rekaman (pelapor, tabel, kunci, isi, urutan) VALUES",
    kolom: 5,
    akhir: "ON CONFLICT (pelapor, tabel, kunci) DO UPDATE SET isi = excluded.isi, urutan = excluded.urutan",
};
const SISIP_JEJAK: Sisip = Sisip {
    awal: "INSERT INTO jejak (waktu, pengguna, pelapor, tabel, kunci, aksi, lama, baru, sumber) VALUES",
    kolom: 9,
    akhir: "",
};

/// Whether `s` writes the shared instansi row (not a data set's membership, `cakupan`).
pub(crate) fn sisip_instansi(s: &Sisip) -> bool {
    // By text: a `const` referred to in two places need not have one address.
    s.awal == SISIP_INSTANSI.awal
}

/// The rows that hold record `r` at position `urutan` (an instansi is two: itself and its
/// membership in this data set).
pub(crate) fn baris_rekaman(
    pelapor: &str,
    urutan: i64,
    r: &Rekaman,
) -> Result<Vec<(&'static Sisip, Vec<P>)>, Galat> {
    Ok(match r.tabel.as_str() {
        "instansi" => {
            let i: Instansi = dari_isi(r)?;
            vec![
                (
                    &SISIP_CAKUPAN,
                    vec![P::from(pelapor), P::from(i.id.as_str()), P::I(urutan)],
                ),
                (
                    &SISIP_INSTANSI,
                    vec![
                        P::from(i.id.as_str()),
                        P::from(i.nama),
                        P::from(nama_enum(&i.jenis)),
                        P::from(i.induk.map(String::from)),
                        P::from(i.kode),
                        P::from(i.alamat),
                        P::from(i.catatan),
                    ],
                ),
            ]
        }
        "target" => {
            let t: Target = dari_isi(r)?;
            vec![(
                &SISIP_TARGET,
                vec![
                    P::from(pelapor),
                    P::from(t.indikator.as_str()),
                    P::I(t.tahun.get().into()),
                    P::from(nama_enum(&t.dokumen)),
                    P::from(t.nilai.teks()),
                    P::from(t.uraian),
                    P::from(t.catatan),
                    P::I(urutan),
                ],
            )]
        }
        "realisasi" => {
            let x: Realisasi = dari_isi(r)?;
            vec![(
                &SISIP_REALISASI,
                vec![
                    P::from(pelapor),
                    P::from(x.indikator.as_str()),
                    P::I(x.tahun.get().into()),
                    P::from(nama_enum(&x.periode)),
                    P::from(x.nilai.teks()),
                    P::from(x.sumber),
                    P::from(x.catatan),
                    P::I(urutan),
                ],
            )]
        }
        "nilai_data" => {
            let x: NilaiData = dari_isi(r)?;
            vec![(
                &SISIP_NILAI_DATA,
                vec![
                    P::from(pelapor),
                    P::from(x.elemen.as_str()),
                    P::from(x.instansi.as_str()),
                    P::I(x.tahun.get().into()),
                    P::from(nama_enum(&x.periode)),
                    P::from(x.nilai.to_string()),
                    P::from(x.sumber),
                    P::from(x.catatan),
                    P::I(urutan),
                ],
            )]
        }
        "anggaran" => {
            let a: PosAnggaran = dari_isi(r)?;
            let (tempat, tempat_id) = match &a.tempat {
                TempatAnggaran::Instansi => ("instansi", None),
                TempatAnggaran::Kegiatan(k) => ("kegiatan", Some(k.to_string())),
                TempatAnggaran::SubKegiatan(k) => ("sub_kegiatan", Some(k.to_string())),
            };
            let mut kolom = vec![
                P::from(pelapor),
                P::from(a.id.as_str()),
                P::I(a.tahun.get().into()),
                P::from(tempat),
                P::from(tempat_id),
                P::from(nama_enum(&a.jenis)),
                P::U(a.pagu.nilai()),
                P::OU(a.realisasi_tahun().map(Rupiah::nilai)),
                P::from(a.catatan),
                P::I(urutan),
                P::OU(a.pagu_perubahan.map(Rupiah::nilai)),
            ];
            kolom.extend(
                Bulan::SEMUA
                    .iter()
                    .map(|b| P::OU(a.realisasi_bulanan.get(b).map(|r| r.nilai()))),
            );
            vec![(&SISIP_ANGGARAN, kolom)]
        }
        _ => vec![(
            &SISIP_REKAMAN,
            vec![
                P::from(pelapor),
                P::from(r.tabel.as_str()),
                P::from(r.kunci.as_str()),
                P::J(Some(r.isi.clone())),
                P::I(urutan),
            ],
        )],
    })
}

/// Rows per statement: well under SQLite's 32766 and PostgreSQL's 65535 parameters.
const BARIS_PER_PERINTAH: usize = 400;

/// Writes rows with multi-row statements, one statement per table and chunk (a round trip per
/// row made PostgreSQL imports three times slower).
async fn sisipkan(tx: &mut Tx, baris: Vec<(&'static Sisip, Vec<P>)>) -> Result<(), Galat> {
    let mut grup: Vec<(&'static Sisip, Vec<Vec<P>>)> = Vec::new();
    for (s, ps) in baris {
        match grup.iter_mut().find(|(g, _)| std::ptr::eq(*g, s)) {
            Some((_, v)) => v.push(ps),
            None => grup.push((s, vec![ps])),
        }
    }
    for (s, semua) in grup {
        for potong in semua.chunks(BARIS_PER_PERINTAH) {
            let mut sql =
                String::with_capacity(s.awal.len() + s.akhir.len() + potong.len() * s.kolom * 5);
            sql.push_str(s.awal);
            let mut n = 0;
            for (i, _) in potong.iter().enumerate() {
                sql.push_str(if i == 0 { " (" } else { ", (" });
                for k in 0..s.kolom {
                    n += 1;
                    if k > 0 {
                        sql.push_str(", ");
                    }
                    sql.push('$');
                    sql.push_str(&n.to_string());
                }
                sql.push(')');
            }
            sql.push(' ');
            sql.push_str(s.akhir);
            tx.jalankan_rakitan(sql, potong.iter().flatten().cloned().collect())
                .await?;
        }
    }
    Ok(())
}

/// Inserts or updates records, each at its position in its table.
pub(crate) async fn tulis(
    tx: &mut Tx,
    pelapor: &str,
    rekaman: &[(i64, &Rekaman)],
) -> Result<(), Galat> {
    let mut baris = Vec::with_capacity(rekaman.len());
    for (urutan, r) in rekaman {
        baris.extend(baris_rekaman(pelapor, *urutan, r)?);
    }
    sisipkan(tx, baris).await
}

pub(crate) async fn hapus(tx: &mut Tx, pelapor: &str, r: &Rekaman) -> Result<(), Galat> {
    match r.tabel.as_str() {
        // The instansi itself stays (other data sets may name it); it leaves this data set.
        "instansi" => {
            let i: Instansi = dari_isi(r)?;
            tx.jalankan(
                "DELETE FROM cakupan WHERE pelapor = $1 AND instansi = $2",
                vec![P::from(pelapor), P::from(i.id.as_str())],
            )
            .await?;
        }
        "target" => {
            let t: Target = dari_isi(r)?;
            tx.jalankan(
                "DELETE FROM target WHERE pelapor = $1 AND indikator = $2 AND tahun = $3 AND dokumen = $4",
                vec![
                    P::from(pelapor),
                    P::from(t.indikator.as_str()),
                    P::I(t.tahun.get().into()),
                    P::from(nama_enum(&t.dokumen)),
                ],
            )
            .await?;
        }
        "realisasi" => {
            let x: Realisasi = dari_isi(r)?;
            tx.jalankan(
                "DELETE FROM realisasi WHERE pelapor = $1 AND indikator = $2 AND tahun = $3 AND periode = $4",
                vec![
                    P::from(pelapor),
                    P::from(x.indikator.as_str()),
                    P::I(x.tahun.get().into()),
                    P::from(nama_enum(&x.periode)),
                ],
            )
            .await?;
        }
        "nilai_data" => {
            let x: NilaiData = dari_isi(r)?;
            tx.jalankan(
                "DELETE FROM nilai_data WHERE pelapor = $1 AND elemen = $2 AND instansi = $3 \
                 AND tahun = $4 AND periode = $5",
                vec![
                    P::from(pelapor),
                    P::from(x.elemen.as_str()),
                    P::from(x.instansi.as_str()),
                    P::I(x.tahun.get().into()),
                    P::from(nama_enum(&x.periode)),
                ],
            )
            .await?;
        }
        "anggaran" => {
            let a: PosAnggaran = dari_isi(r)?;
            tx.jalankan(
                "DELETE FROM pos_anggaran WHERE pelapor = $1 AND id = $2",
                vec![P::from(pelapor), P::from(a.id.as_str())],
            )
            .await?;
        }
        _ => {
            tx.jalankan(
                "DELETE FROM rekaman WHERE pelapor = $1 AND tabel = $2 AND kunci = $3",
                vec![
                    P::from(pelapor),
                    P::from(r.tabel.as_str()),
                    P::from(r.kunci.as_str()),
                ],
            )
            .await?;
        }
    }
    Ok(())
}

/// One audit row: the record, the action, its old and new value.
pub(crate) struct Catatan<'a> {
    pub rekaman: &'a Rekaman,
    pub aksi: &'static str,
    pub lama: Option<&'a Value>,
    pub baru: Option<&'a Value>,
}

pub(crate) async fn catat(
    tx: &mut Tx,
    waktu: OffsetDateTime,
    pelaku: &Pelaku,
    pelapor: &str,
    catatan: &[Catatan<'_>],
) -> Result<(), Galat> {
    let baris = catatan
        .iter()
        .map(|c| baris_jejak(waktu, pelaku, pelapor, c))
        .collect();
    sisipkan(tx, baris).await
}

/// The audit row of one change.
pub(crate) fn baris_jejak(
    waktu: OffsetDateTime,
    pelaku: &Pelaku,
    pelapor: &str,
    c: &Catatan<'_>,
) -> (&'static Sisip, Vec<P>) {
    (
        &SISIP_JEJAK,
        vec![
            P::W(waktu),
            P::from(pelaku.pengguna.as_str()),
            P::from(pelapor),
            P::from(c.rekaman.tabel.as_str()),
            P::from(c.rekaman.kunci.as_str()),
            P::from(c.aksi),
            P::J(c.lama.cloned()),
            P::J(c.baru.cloned()),
            P::from(pelaku.sumber.as_str()),
        ],
    )
}

/// (year, period) pairs of this data set that are approved.
pub(crate) async fn periode_terkunci(
    tx: &mut Tx,
    pelapor: &str,
) -> Result<std::collections::HashSet<(i64, String)>, Galat> {
    tx.ambil(
        "SELECT tahun, periode FROM status_periode WHERE pelapor = $1 AND status = 'disetujui'",
        vec![P::from(pelapor)],
    )
    .await?
    .iter()
    .map(|b| Ok((b.int(0)?, b.teks(1)?)))
    .collect()
}
