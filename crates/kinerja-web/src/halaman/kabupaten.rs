//! The roll-up of a kabupaten (or any instansi with instansi below it) for one year: each
//! reporting instansi below it that the caller may see, and the figures over them; and the
//! pemda's LKjIP of the year (`laporan.pdf`, `.docx`, `.xlsx`, `.html`).

use super::bersama::{Hasil, html, konteks_dasar, siapkan};
use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use crate::galat::GalatHttp;
use crate::jalur;
use crate::laporan::{Bentuk, berkas_pemda};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use kinerja_core::hierarki;
use kinerja_core::model::Reorganisasi;
use kinerja_core::reorganisasi;
use kinerja_core::uang::Rupiah;
use kinerja_core::wilayah::{self, AngkaInstansi};
use kinerja_tampilan as t;
use serde::Deserialize;
use std::collections::HashSet;

#[derive(Deserialize)]
pub(super) struct KueriUrut {
    urut: Option<String>,
}

pub(super) async fn kabupaten(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): Path<(String, String)>,
    q: Result<Query<KueriUrut>, QueryRejection>,
) -> Hasil {
    let id = jalur::instansi(&id)?;
    let tahun = jalur::tahun(&th)?;
    let semua = n.toko.daftar_instansi().await?;
    let Some(induk) = semua.iter().find(|i| i.id == id) else {
        return Err(GalatHttp::baru(
            StatusCode::NOT_FOUND,
            "instansi_tidak_ada",
            format!("instansi \"{id}\" tidak ada"),
        ));
    };
    let bawah: HashSet<_> = hierarki::keturunan(&semua, &id)
        .into_iter()
        .map(|i| &i.id)
        .collect();
    let terbit_semua = n.toko.semua_terbit().await?;
    // Each instansi's pagu and realisasi, summed by the database.
    let uang = n.toko.anggaran_wilayah(&id, tahun).await?;
    let pelapor = n.toko.daftar_pelapor().await?;
    // The pemda's own pohon kinerja of the year, when it reports and the caller may see it,
    // and its RPJMD's IKU with each OPD's contribution through the tree.
    let terbit_pemda = terbit_semua.contains(&(id.clone(), tahun));
    let mut lkjip = None;
    // Reorganisations below it, kept by the pemda or by the instansi they formed.
    let mut reorg: Vec<Reorganisasi> = Vec::new();
    let (pohon, iku) = if pelapor.contains(&id) {
        let d = crate::baca::data_terlihat(&n, &sesi, &id).await?;
        tambah_reorganisasi(&mut reorg, &d.reorganisasi);
        // The pemda's LKjIP: by the rule of an instansi's report (public once published).
        if d.rpjmd() && boleh(sesi.0.as_ref(), Tindakan::Lihat, &id, terbit_pemda) {
            lkjip = Some(format!("/kabupaten/{id}/tahun/{}/laporan", tahun.get()));
        }
        match kinerja_core::pohon::pohon_tahun(&d, tahun) {
            Some(p) => {
                let opd = super::pohon::data_pemilik(&n, &sesi, &d, &p.id).await?;
                let opd: Vec<&kinerja_core::model::DataInstansi> =
                    opd.iter().map(|x| &**x).collect();
                let u = kinerja_core::pohon::ukur::ukur(&d, &p.id, &opd);
                (
                    Some(format!("/kabupaten/{id}/tahun/{}/pohon", tahun.get())),
                    kinerja_core::pohon::ukur::iku_pemda(&d, tahun, Some(&u)),
                )
            }
            None => (None, kinerja_core::pohon::ukur::iku_pemda(&d, tahun, None)),
        }
    } else {
        (None, Vec::new())
    };
    let mut unit = Vec::new();
    let lke = kinerja_evaluasi::bawaan();
    for p in pelapor {
        let Some(i) = semua.iter().find(|i| i.id == p && bawah.contains(&i.id)) else {
            continue;
        };
        let terbit = terbit_semua.contains(&(p.clone(), tahun));
        if !boleh(sesi.0.as_ref(), Tindakan::Lihat, &p, terbit) {
            continue;
        }
        let d = crate::baca::data_terlihat(&n, &sesi, &p).await?;
        let u = uang.iter().find(|u| u.pelapor == p);
        // The evaluation is working material: shown to those who may read the OPD's reviu.
        let evaluasi = (boleh(sesi.0.as_ref(), Tindakan::LihatReviu, &p, terbit)
            && d.jawaban_evaluasi.iter().any(|j| j.tahun == tahun))
        .then(|| kinerja_laporan::hitung_evaluasi(&d, tahun, &lke).ok())
        .flatten()
        .map(|h| (h.total.evaluator, h.predikat().kode()));
        let baris = t::BarisKabupaten {
            id: p.to_string(),
            nama: i.nama.clone(),
            jenis: i.jenis,
            angka: AngkaInstansi::baru(
                &d,
                tahun,
                u.map_or(Rupiah::NOL, |u| u.pagu),
                u.and_then(|u| u.realisasi),
            ),
            evaluasi,
        };
        tambah_reorganisasi(&mut reorg, &d.reorganisasi);
        unit.push((p, baris, d));
    }
    // A unit counts in the years it exists: not before a reorganisation formed it, not from
    // the year one ended it (those years' figures are its predecessors' or successors').
    let (baris, data_unit): (Vec<_>, Vec<_>) = unit
        .into_iter()
        .filter(|(p, _, _)| reorganisasi::ada_pada(&reorg, p, tahun))
        .map(|(_, b, d)| (b, d))
        .unzip();
    let mut rekap = wilayah::rekap(baris.iter().map(|b| &b.angka));
    let unit: Vec<&kinerja_core::model::DataInstansi> = data_unit.iter().map(|d| &**d).collect();
    rekap.indikator = wilayah::rekap_indikator_data(&unit, tahun);
    let mut k = konteks_dasar(&sesi);
    k.tahun = Some(tahun.get());
    k.kabupaten = Some((id.to_string(), induk.nama.clone()));
    let urut = q
        .ok()
        .and_then(|q| q.0.urut)
        .unwrap_or_else(|| "nama".into());
    Ok(html(t::kabupaten(
        &k,
        &induk.nama,
        tahun,
        &baris,
        &rekap,
        &urut,
        pohon.as_deref(),
        lkjip.as_deref(),
        &iku,
    )))
}

/// Adds `baru` to `reorg`, each record once (the pemda and the instansi a record formed may
/// both keep it).
fn tambah_reorganisasi(reorg: &mut Vec<Reorganisasi>, baru: &[Reorganisasi]) {
    for r in baru {
        if !reorg.iter().any(|x| x.id == r.id) {
            reorg.push(r.clone());
        }
    }
}

/// The pemda's LKjIP of the year (`kinerja_laporan::susun_pemda`) with the stored data sets below
/// it, each as the caller may see it (the set `kinerja laporan --pemda --db --instansi` reads),
/// under the rule of an instansi's report: the pemda's year published, or a caller who may read
/// it; `?draf=1` the draft past open reviu errors.
async fn unduh_lkjip(
    n: Negara,
    sesi: Sesi,
    (id, th): (String, String),
    q: Result<Query<KueriDraf>, QueryRejection>,
    bentuk: Bentuk,
) -> Hasil {
    let draf = q.ok().and_then(|q| q.0.draf) == Some(1);
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    let semua = n.toko.daftar_instansi().await?;
    let bawah: HashSet<_> = hierarki::keturunan(&semua, &l.id)
        .into_iter()
        .map(|i| &i.id)
        .collect();
    let mut opd = Vec::new();
    for p in n.toko.daftar_pelapor().await? {
        if bawah.contains(&p) {
            opd.push(crate::baca::data_terlihat(&n, &sesi, &p).await?);
        }
    }
    let isi = berkas_pemda(l.data.clone(), opd, l.tahun, bentuk, draf).await?;
    let nama = format!(
        "lkjip-{}-{}{}.{}",
        l.id,
        l.tahun,
        if draf { "-draf" } else { "" },
        bentuk.akhiran()
    );
    Ok(crate::laporan::jawaban_berkas(&nama, bentuk, isi))
}

#[derive(Deserialize)]
pub(super) struct KueriDraf {
    draf: Option<u8>,
}

type Jalur = Path<(String, String)>;
type KueriBerkas = Result<Query<KueriDraf>, QueryRejection>;

pub(super) async fn lkjip_pdf(State(n): State<Negara>, s: Sesi, p: Jalur, q: KueriBerkas) -> Hasil {
    unduh_lkjip(n, s, p.0, q, Bentuk::Pdf).await
}

pub(super) async fn lkjip_docx(
    State(n): State<Negara>,
    s: Sesi,
    p: Jalur,
    q: KueriBerkas,
) -> Hasil {
    unduh_lkjip(n, s, p.0, q, Bentuk::Docx).await
}

pub(super) async fn lkjip_xlsx(
    State(n): State<Negara>,
    s: Sesi,
    p: Jalur,
    q: KueriBerkas,
) -> Hasil {
    unduh_lkjip(n, s, p.0, q, Bentuk::Xlsx).await
}

pub(super) async fn lkjip_html(
    State(n): State<Negara>,
    s: Sesi,
    p: Jalur,
    q: KueriBerkas,
) -> Hasil {
    unduh_lkjip(n, s, p.0, q, Bentuk::Html).await
}
