//! The web interface: server-rendered pages (`kinerja_tampilan`), forms that work without
//! JavaScript, the role policy of `akun::boleh` on every route, CSRF on every POST. Errors are
//! `crate::galat`'s, rendered as a page in the caller's frame.

mod alur;
pub(crate) mod bersama;
mod evaluasi;
mod evaluasi_isian;
mod evaluasi_langkah;
mod evaluasi_tampil;
mod impor;
mod isian;
mod jejak;
mod kabupaten;
mod kuesioner;
mod laporan;
mod pohon;
mod rencana;
mod reorganisasi;
mod sesi;
mod skm;
mod skm_laporan;
mod sunting;
mod survei;

use crate::Negara;
use crate::rute::{Metode, Rute, rute, rute_unggah};
use axum::Router;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Periode;
use kinerja_simpan::akun::Langkah;
use kinerja_simpan::{Galat, Pelaku};

/// Every page route; the router is built from this list.
pub(crate) fn daftar() -> Vec<Rute> {
    use Metode::*;
    vec![
        rute(Get, "/", rencana::beranda),
        rute(Get, "/panduan", rencana::panduan),
        rute(Get, "/panduan/gambar/{gambar}", rencana::gambar_panduan),
        rute(Get, "/static/kinerja.css", bersama::css),
        rute(Get, "/masuk", sesi::masuk),
        rute(Post, "/masuk", sesi::masuk_kirim),
        rute(Post, "/keluar", sesi::keluar),
        rute(Get, "/instansi/{id}/tahun/{tahun}", rencana::dasbor),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/rencana",
            rencana::rencana,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/rencana/ubah",
            sunting::rencana_ubah,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/rencana/ubah",
            sunting::rencana_ubah_kirim,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/rencana/hapus",
            sunting::rencana_hapus,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/rkt/ubah",
            sunting::rkt_ubah,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/rkt/ubah",
            sunting::rkt_ubah_kirim,
        ),
        rute(Get, "/instansi/{id}/tahun/{tahun}/pk", rencana::pk),
        rute(Get, "/instansi/{id}/tahun/{tahun}/pk.pdf", laporan::pk_pdf),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/pk/ubah",
            sunting::pk_ubah,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/pk/ubah",
            sunting::pk_ubah_kirim,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/pk/tandatangani",
            sunting::pk_tandatangani,
        ),
        rute(Get, "/instansi/{id}/tahun/{tahun}/iku", rencana::iku),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/iku/ubah",
            sunting::iku_ubah,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/iku/ubah",
            sunting::iku_ubah_kirim,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/realisasi",
            isian::realisasi,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/realisasi",
            isian::realisasi_kirim,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/realisasi/hapus",
            isian::realisasi_hapus,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/anggaran",
            isian::anggaran,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/anggaran",
            isian::anggaran_kirim,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/anggaran/{pos}",
            isian::anggaran_bulanan,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/anggaran/{pos}",
            isian::anggaran_bulanan_kirim,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/ajukan/{periode}",
            alur::ajukan,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/setujui/{periode}",
            alur::setujui,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/buka/{periode}",
            alur::buka,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/catatan",
            alur::catatan_kirim,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/laporan",
            laporan::laporan,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/laporan",
            laporan::laporan_kirim,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/laporan.pdf",
            laporan::pdf,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/laporan.docx",
            laporan::docx,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/laporan.xlsx",
            laporan::xlsx,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/laporan.html",
            laporan::pratinjau,
        ),
        rute(Get, "/instansi/{id}/tahun/{tahun}/skm", skm::skm),
        rute(Post, "/instansi/{id}/tahun/{tahun}/skm", skm::skm_kirim),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/skm/lampirkan",
            skm::lampirkan,
        ),
        rute(Get, "/instansi/{id}/tahun/{tahun}/skm/web", survei::web),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/skm/web",
            survei::web_kirim,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/skm/laporan/{survei}",
            skm_laporan::laporan,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/skm/laporan/{survei}",
            skm_laporan::laporan_kirim,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/skm/laporan/{survei}/unduh.pdf",
            skm_laporan::pdf,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/skm/laporan/{survei}/unduh.docx",
            skm_laporan::docx,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/skm/kuesioner",
            kuesioner::kuesioner,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/skm/kuesioner",
            kuesioner::kuesioner_kirim,
        ),
        rute(Get, "/survei/{id}", survei::form),
        rute(Post, "/survei/{id}", survei::kirim),
        rute(Get, "/survei/{id}/poster", survei::poster),
        rute(Get, "/survei/{id}/{layanan}", survei::form_layanan),
        rute(Post, "/survei/{id}/{layanan}", survei::kirim_layanan),
        rute(Get, "/survei/{id}/{layanan}/poster", survei::poster_layanan),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/evaluasi.html",
            evaluasi::html,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/evaluasi.pdf",
            evaluasi::pdf,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/evaluasi.docx",
            evaluasi::docx,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/evaluasi.xlsx",
            evaluasi::xlsx,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/evaluasi",
            evaluasi_isian::opd,
        ),
        rute_unggah(
            "/instansi/{id}/tahun/{tahun}/evaluasi",
            evaluasi_isian::opd_kirim,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/evaluasi/evaluator",
            evaluasi_isian::evaluator,
        ),
        rute_unggah(
            "/instansi/{id}/tahun/{tahun}/evaluasi/evaluator",
            evaluasi_isian::evaluator_kirim,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/evaluasi/ajukan",
            evaluasi_langkah::ajukan,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/evaluasi/selesai",
            evaluasi_langkah::selesai,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/evaluasi/finalkan",
            evaluasi_langkah::finalkan,
        ),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/evaluasi/buka",
            evaluasi_langkah::buka,
        ),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/evaluasi/bukti/{sha256}",
            evaluasi_isian::unduh_bukti,
        ),
        rute(Get, "/instansi/{id}/tahun/{tahun}/reviu", laporan::reviu),
        rute(
            Post,
            "/instansi/{id}/tahun/{tahun}/reviu/terima",
            laporan::terima,
        ),
        rute(Get, "/instansi/{id}/jejak", jejak::jejak),
        rute(Get, "/instansi/{id}/impor", impor::impor),
        rute(Post, "/instansi/{id}/impor", impor::impor_kirim),
        rute(Post, "/instansi/{id}/impor/terapkan", impor::terapkan),
        rute(Get, "/instansi/{id}/ekspor.toml", impor::ekspor),
        rute(
            Get,
            "/instansi/{id}/tahun/{tahun}/templat.xlsx",
            impor::templat,
        ),
        rute(Get, "/kabupaten/{id}/tahun/{tahun}", kabupaten::kabupaten),
        rute(Get, "/kabupaten/{id}/tahun/{tahun}/pohon", pohon::pohon),
        rute(
            Get,
            "/kabupaten/{id}/tahun/{tahun}/laporan.pdf",
            kabupaten::lkjip_pdf,
        ),
        rute(
            Get,
            "/kabupaten/{id}/tahun/{tahun}/laporan.docx",
            kabupaten::lkjip_docx,
        ),
        rute(
            Get,
            "/kabupaten/{id}/tahun/{tahun}/laporan.xlsx",
            kabupaten::lkjip_xlsx,
        ),
        rute(
            Get,
            "/kabupaten/{id}/tahun/{tahun}/laporan.html",
            kabupaten::lkjip_html,
        ),
    ]
}

pub(crate) fn rute_halaman() -> Router<Negara> {
    crate::rute::router(daftar()).fallback(bersama::tidak_ada)
}

/// For `kinerja serve` on an empty database: the bundled examples, imported in order (a data
/// set that copies another's instansi records comes after it), each with the years it reports
/// (its LKjIP, its Perjanjian Kinerja, its pohon kinerja) published, so that a newcomer sees
/// real data: Mumbulsari's is a published LKjIP; the example pemda (Kabupaten Jember's RPJMD,
/// pohon kinerja and two OPDs) is synthetic where its README says so.
pub async fn isi_contoh(n: &Negara, contoh: &[DataInstansi]) -> Result<bool, Galat> {
    if !n.toko.daftar_pelapor().await?.is_empty() {
        return Ok(false);
    }
    let p = Pelaku {
        pengguna: "kinerja".into(),
        sumber: "contoh bawaan".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    for c in contoh {
        let (id, _) = n
            .toko
            .impor(c, None, kinerja_simpan::ModeImpor::Gabung, &p)
            .await?;
        let mut tahun: Vec<_> = c
            .laporan
            .iter()
            .map(|l| l.tahun)
            .chain(c.perjanjian_kinerja.iter().map(|x| x.tahun))
            .chain(c.pohon.iter().map(|x| x.tahun))
            .collect();
        tahun.sort();
        tahun.dedup();
        for th in tahun {
            n.toko
                .langkah_alur(&id, th, Periode::Tahunan, Langkah::Ajukan, &p)
                .await?;
            n.toko
                .langkah_alur(&id, th, Periode::Tahunan, Langkah::Setujui, &p)
                .await?;
        }
    }
    Ok(true)
}
