//! The workbook through the store's one write path, on SQLite and (when reachable) PostgreSQL:
//! an unchanged workbook writes nothing, one changed cell is one audited change, and a bad cell
//! leaves the database as it was.

mod bersama;

use bersama::*;
use kinerja_core::model::DataInstansi;
use kinerja_simpan::uji::Basis;
use kinerja_simpan::uji::semua_basis;
use kinerja_simpan::{GagalUbah, Hak, ModeImpor, Pelaku, Ringkasan, Toko};

fn pelaku() -> Pelaku {
    Pelaku {
        pengguna: "operator".into(),
        sumber: "impor lembar kerja".into(),
        hak: Hak::Semua,
    }
}

/// What `kinerja impor BERKAS.xlsx` does: the workbook onto the stored data set, inside the
/// store's transaction.
async fn impor(t: &Toko, isi: &[u8]) -> Result<Ringkasan, String> {
    let buku = kinerja_excel::baca(isi).map_err(|m| kinerja_excel::uraikan(&m))?;
    t.ubah_data(&mumbulsari(), &pelaku(), |d| {
        kinerja_excel::terapkan(d, &buku)
    })
    .await
    .map_err(|e| match e {
        GagalUbah::Ditolak(m) => kinerja_excel::uraikan(&m),
        GagalUbah::Toko(e) => e.to_string(),
    })
}

/// The example in a fresh store, its audit trail's length, and the template of its 2020.
async fn siapkan(b: &Basis) -> (Toko, DataInstansi, usize, Vec<u8>) {
    let t = Toko::buka(&b.url).await.unwrap();
    t.impor(&contoh(), None, ModeImpor::Gabung, &pelaku())
        .await
        .unwrap();
    let d = t.muat(&mumbulsari()).await.unwrap();
    let jejak = t
        .jejak(&mumbulsari(), None, None, 1_000_000)
        .await
        .unwrap()
        .len();
    let isi = kinerja_excel::templat(&d, &mumbulsari(), tahun(2020)).unwrap();
    (t, d, jejak, isi)
}

#[tokio::test]
async fn through_the_store_unchanged_is_nothing_and_one_cell_is_one_audited_change() {
    for b in semua_basis().await {
        let (t, _, jejak, isi) = siapkan(&b).await;

        let r = impor(&t, &isi).await.unwrap();
        assert!(r.tidak_berubah(), "{}: {r:?}", b.nama);

        // One cell: the March realisasi of the sub kegiatan line, 2.000.000,25 → 2.100.000.
        let mut g = grid(&isi);
        let l = lembar(&mut g, "Anggaran");
        let (baris, _) = l.cari("pos-SK-1");
        let c = l.kolom("Maret");
        l.atur(baris, c, Isi::Teks("2.100.000".into()));
        let r = impor(&t, &tulis(&g)).await.unwrap();
        assert_eq!((r.ditambah, r.diubah, r.dihapus), (0, 1, 0), "{}", b.nama);
        let j = t.jejak(&mumbulsari(), None, None, 1_000_000).await.unwrap();
        assert_eq!(j.len(), jejak + 1, "{}", b.nama);
        let m = t.muat(&mumbulsari()).await.unwrap();
        let pos = m
            .anggaran
            .iter()
            .find(|p| p.id.as_str() == "pos-SK-1")
            .unwrap();
        // 1.000.000 + 2.100.000.
        assert_eq!(pos.realisasi_tahun(), Some(rp("3100000")), "{}", b.nama);
        t.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_corrupt_cell_is_named_and_the_database_is_unchanged() {
    for b in semua_basis().await {
        let (t, d, jejak, isi) = siapkan(&b).await;
        // A bad value the reader refuses, and one only the data set can refuse (the line's
        // budget structure has no such type), each beside a good change that must not be
        // written either.
        for (nama, id, judul, nilai) in [
            ("Realisasi", "I-S2-2", "Triwulan II", "9O"),
            (
                "Anggaran",
                "A-2020-K-ADM-2",
                "Jenis Belanja",
                "Belanja Operasi",
            ),
        ] {
            let mut g = grid(&isi);
            let l = lembar(&mut g, "Anggaran");
            let (baris, _) = l.cari("pos-SK-1");
            let c = l.kolom("Maret");
            l.atur(baris, c, Isi::Angka(7.0));
            let l = lembar(&mut g, nama);
            let (baris, _) = l.cari(id);
            let c = l.kolom(judul);
            l.atur(baris, c, Isi::Teks(nilai.into()));
            let rujukan = format!("{nama}!{}{}", (b'A' + c as u8) as char, baris + 1);
            let e = impor(&t, &tulis(&g)).await.unwrap_err();
            assert!(e.contains(&rujukan), "{}: {e}", b.nama);
            assert!(e.contains(&format!("(kolom \"{judul}\")")), "{e}");
            assert!(e.contains(&format!("berisi \"{nilai}\"")), "{e}");
            assert_eq!(t.muat(&mumbulsari()).await.unwrap(), d, "{}", b.nama);
            let j = t.jejak(&mumbulsari(), None, None, 1_000_000).await.unwrap();
            assert_eq!(j.len(), jejak, "{}", b.nama);
        }
        t.tutup().await;
        b.selesai().await;
    }
}
