//! Rows back to records: the typed tables' rows read into domain records, and a whole data
//! set's records (`muat_rekaman`).

use super::{enum_dari, ke_rekaman, rusak};
use crate::Galat;
use crate::basis::{Baris, P, Tx};
use crate::rekaman::Rekaman;
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::nilai::Nilai;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Bulan, Tahun};
fn tahun(b: &Baris, i: usize) -> Result<Tahun, Galat> {
    Tahun::new(b.int(i)?).map_err(rusak)
}

fn uang(d: rust_decimal::Decimal) -> Result<Rupiah, Galat> {
    Rupiah::new(d).map_err(rusak)
}

pub(crate) fn instansi_dari(b: &Baris) -> Result<Instansi, Galat> {
    Ok(Instansi {
        id: InstansiId::new(b.teks(0)?).map_err(rusak)?,
        nama: b.teks(1)?,
        jenis: enum_dari(b.teks(2)?)?,
        induk: b
            .opsi_teks(3)?
            .map(|s| InstansiId::new(s).map_err(rusak))
            .transpose()?,
        kode: b.opsi_teks(4)?,
        alamat: b.opsi_teks(5)?,
        catatan: b.opsi_teks(6)?,
    })
}

/// A realisasi row read as `indikator, tahun, periode, nilai, sumber, catatan`.
pub(crate) fn realisasi_dari(b: &Baris) -> Result<Realisasi, Galat> {
    Ok(Realisasi {
        indikator: IndikatorId::new(b.teks(0)?).map_err(rusak)?,
        tahun: tahun(b, 1)?,
        periode: enum_dari(b.teks(2)?)?,
        nilai: Nilai::parse(&b.teks(3)?).map_err(rusak)?,
        sumber: b.opsi_teks(4)?,
        catatan: b.opsi_teks(5)?,
    })
}

/// A data element value row read as `elemen, instansi, tahun, periode, nilai, sumber, catatan`
/// (`nilai` the exact decimal as text).
pub(crate) fn nilai_data_dari(b: &Baris) -> Result<NilaiData, Galat> {
    Ok(NilaiData {
        elemen: DataElemenId::new(b.teks(0)?).map_err(rusak)?,
        instansi: InstansiId::new(b.teks(1)?).map_err(rusak)?,
        tahun: tahun(b, 2)?,
        periode: enum_dari(b.teks(3)?)?,
        nilai: b.teks(4)?.parse().map_err(rusak)?,
        sumber: b.opsi_teks(5)?,
        catatan: b.opsi_teks(6)?,
    })
}

/// All records of a data set, each table in its stored order.
pub(crate) async fn muat_rekaman(tx: &mut Tx, pelapor: &str) -> Result<Vec<Rekaman>, Galat> {
    let p = || vec![P::from(pelapor)];
    let mut hasil = Vec::new();
    for b in tx
        .ambil(
            "SELECT i.id, i.nama, i.jenis, i.induk, i.kode, i.alamat, i.catatan FROM cakupan c \
             JOIN instansi i ON i.id = c.instansi WHERE c.pelapor = $1 ORDER BY c.urutan",
            p(),
        )
        .await?
    {
        hasil.push(ke_rekaman("instansi", &instansi_dari(&b)?));
    }
    for b in tx
        .ambil(
            "SELECT indikator, tahun, dokumen, nilai, uraian, catatan FROM target \
             WHERE pelapor = $1 ORDER BY urutan",
            p(),
        )
        .await?
    {
        let t = Target {
            indikator: IndikatorId::new(b.teks(0)?).map_err(rusak)?,
            tahun: tahun(&b, 1)?,
            dokumen: enum_dari(b.teks(2)?)?,
            nilai: Nilai::parse(&b.teks(3)?).map_err(rusak)?,
            uraian: b.opsi_teks(4)?,
            catatan: b.opsi_teks(5)?,
        };
        hasil.push(ke_rekaman("target", &t));
    }
    for b in tx
        .ambil(
            "SELECT indikator, tahun, periode, nilai, sumber, catatan FROM realisasi \
             WHERE pelapor = $1 ORDER BY urutan",
            p(),
        )
        .await?
    {
        hasil.push(ke_rekaman("realisasi", &realisasi_dari(&b)?));
    }
    for b in tx
        .ambil(
            "SELECT elemen, instansi, tahun, periode, nilai, sumber, catatan FROM nilai_data \
             WHERE pelapor = $1 ORDER BY urutan",
            p(),
        )
        .await?
    {
        hasil.push(ke_rekaman("nilai_data", &nilai_data_dari(&b)?));
    }
    for b in tx
        .ambil(
            "SELECT id, tahun, tempat, tempat_id, jenis, pagu, realisasi, catatan, pagu_perubahan, \
             realisasi_01, realisasi_02, realisasi_03, realisasi_04, realisasi_05, realisasi_06, \
             realisasi_07, realisasi_08, realisasi_09, realisasi_10, realisasi_11, realisasi_12 \
             FROM pos_anggaran WHERE pelapor = $1 ORDER BY urutan",
            p(),
        )
        .await?
    {
        let tempat_id = b.opsi_teks(3)?.unwrap_or_default();
        let tempat = match b.teks(2)?.as_str() {
            "instansi" => TempatAnggaran::Instansi,
            "kegiatan" => TempatAnggaran::Kegiatan(KegiatanId::new(tempat_id).map_err(rusak)?),
            "sub_kegiatan" => {
                TempatAnggaran::SubKegiatan(SubKegiatanId::new(tempat_id).map_err(rusak)?)
            }
            lain => return Err(rusak(format!("tempat anggaran \"{lain}\" tidak dikenal"))),
        };
        let mut realisasi_bulanan = std::collections::BTreeMap::new();
        for (i, bulan) in Bulan::SEMUA.into_iter().enumerate() {
            if let Some(r) = b.opsi_uang(9 + i)? {
                realisasi_bulanan.insert(bulan, uang(r)?);
            }
        }
        let pos = PosAnggaran {
            id: PosAnggaranId::new(b.teks(0)?).map_err(rusak)?,
            tahun: tahun(&b, 1)?,
            tempat,
            jenis: enum_dari(b.teks(4)?)?,
            pagu: uang(b.uang(5)?)?,
            pagu_perubahan: b.opsi_uang(8)?.map(uang).transpose()?,
            // The column holds the year's figure; with months, the year is their sum.
            realisasi: match realisasi_bulanan.is_empty() {
                true => b.opsi_uang(6)?.map(uang).transpose()?,
                false => None,
            },
            realisasi_bulanan,
            catatan: b.opsi_teks(7)?,
        };
        hasil.push(ke_rekaman("anggaran", &pos));
    }
    let mut lain = Vec::new();
    for b in tx
        .ambil(
            "SELECT tabel, kunci, isi, urutan FROM rekaman WHERE pelapor = $1",
            p(),
        )
        .await?
    {
        lain.push((
            b.teks(0)?,
            b.int(3)?,
            Rekaman {
                tabel: b.teks(0)?,
                kunci: b.teks(1)?,
                isi: b.json(2)?,
            },
        ));
    }
    lain.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    hasil.extend(lain.into_iter().map(|(_, _, r)| r));
    Ok(hasil)
}
