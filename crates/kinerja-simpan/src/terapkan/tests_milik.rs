//! Records several data sets share (instansi) are changed only by someone allowed to, and the
//! change is filed in the owner's audit trail.

use crate::tests::id;
use crate::uji::semua_basis;
use crate::{Galat, Hak, ModeImpor, Pelaku, Toko};
use kinerja_core::model::DataInstansi;

fn oleh(pengguna: &str, hak: Hak) -> Pelaku {
    Pelaku {
        pengguna: pengguna.into(),
        sumber: "uji".into(),
        hak,
    }
}

/// opd-01's data with a copy of opd-00's `[[instansi]]` record renamed.
fn dengan_salinan_diubah(d: &DataInstansi, milik_lain: &DataInstansi) -> DataInstansi {
    let mut d = d.clone();
    let mut lain = milik_lain.instansi[1].clone();
    assert_eq!(lain.id.as_str(), "opd-00");
    lain.nama = "Diambil alih".into();
    d.instansi.push(lain);
    d
}

#[tokio::test]
async fn another_data_sets_instansi_is_changed_only_with_the_right_and_audited_under_its_owner() {
    let a = kinerja_sintetis::instansi(0);
    let b = kinerja_sintetis::instansi(1);
    let operator_b = oleh("operator-b", Hak::Instansi(vec![id("opd-01")]));
    for basis in semua_basis().await {
        let n = basis.nama;
        let t = Toko::buka(&basis.url).await.unwrap();
        let admin = oleh("admin", Hak::Semua);
        t.impor(&a, None, ModeImpor::Gabung, &admin).await.unwrap();
        // B's file carries the parent kabupaten unchanged: B's operator may import it.
        t.impor(&b, None, ModeImpor::Gabung, &operator_b)
            .await
            .unwrap();
        let jejak_a = t.jejak(&id("opd-00"), None, None, 1_000_000).await.unwrap();
        let jejak_b = t.jejak(&id("opd-01"), None, None, 1_000_000).await.unwrap();

        // B's operator renames A through B's import: refused whole, naming the record.
        let serang = dengan_salinan_diubah(&b, &a);
        let e = t
            .impor(&serang, None, ModeImpor::Gabung, &operator_b)
            .await
            .unwrap_err();
        assert!(matches!(e, Galat::BukanMilik(_)), "{n}: {e}");
        assert!(e.to_string().contains("\"opd-00\""), "{n}: {e}");
        // Nor the kabupaten, which no one's data set is.
        let mut kab = b.clone();
        kab.instansi[0].nama = "Kabupaten Lain".into();
        let e = t
            .impor(&kab, None, ModeImpor::Gabung, &operator_b)
            .await
            .unwrap_err();
        assert!(e.to_string().contains("\"kab\""), "{n}: {e}");
        assert_eq!(t.muat(&id("opd-00")).await.unwrap(), a, "{n}");
        assert_eq!(t.muat(&id("opd-01")).await.unwrap(), b, "{n}");
        assert_eq!(
            t.jejak(&id("opd-00"), None, None, 1_000_000).await.unwrap(),
            jejak_a,
            "{n}"
        );
        assert_eq!(
            t.jejak(&id("opd-01"), None, None, 1_000_000).await.unwrap(),
            jejak_b,
            "{n}"
        );

        // A's own operator may, through any data set; the change is A's, with the old value.
        let operator_a = oleh("operator-a", Hak::Instansi(vec![id("opd-00")]));
        let r = t
            .impor(&serang, None, ModeImpor::Gabung, &operator_a)
            .await
            .unwrap()
            .1;
        // One record new to B's data set (its membership); nothing else of B changed.
        assert_eq!((r.ditambah, r.diubah, r.dihapus), (1, 0, 0), "{n}: {r:?}");
        let baru_a = t.jejak(&id("opd-00"), None, None, 1_000_000).await.unwrap();
        assert_eq!(baru_a.len(), jejak_a.len() + 1, "{n}");
        let baris = &baru_a[0];
        assert_eq!(
            (
                baris.tabel.as_str(),
                baris.kunci.as_str(),
                baris.aksi.as_str()
            ),
            ("instansi", "opd-00", "ubah"),
            "{n}"
        );
        assert_eq!(baris.pengguna, "operator-a");
        assert_eq!(baris.lama.as_ref().unwrap()["nama"], "Dinas Sintetis 0");
        assert_eq!(baris.baru.as_ref().unwrap()["nama"], "Diambil alih");
        let muat_a = t.muat(&id("opd-00")).await.unwrap();
        assert_eq!(muat_a.instansi[1].nama, "Diambil alih", "{n}: shared");
        // B's trail: the membership only, never a change of A's record.
        let baru_b = t.jejak(&id("opd-01"), None, None, 1_000_000).await.unwrap();
        assert_eq!(baru_b.len(), jejak_b.len() + 1, "{n}");
        assert_eq!(
            (baru_b[0].kunci.as_str(), baru_b[0].aksi.as_str()),
            ("opd-00", "tambah"),
            "{n}"
        );

        // Now a member of B's data set: a further rename by an admin is again "ubah" in A's
        // trail only, and B's counts it as changed.
        let mut lagi = serang.clone();
        lagi.instansi[2].nama = "Dinas Sintetis 0".into();
        let r = t
            .impor(&lagi, None, ModeImpor::Gabung, &admin)
            .await
            .unwrap()
            .1;
        assert_eq!((r.ditambah, r.diubah), (0, 1), "{n}: {r:?}");
        let akhir_a = t.jejak(&id("opd-00"), None, None, 1_000_000).await.unwrap();
        assert_eq!(akhir_a.len(), baru_a.len() + 1, "{n}");
        assert_eq!(akhir_a[0].lama.as_ref().unwrap()["nama"], "Diambil alih");
        assert_eq!(
            t.jejak(&id("opd-01"), None, None, 1_000_000)
                .await
                .unwrap()
                .len(),
            baru_b.len(),
            "{n}"
        );
        assert_eq!(t.muat(&id("opd-00")).await.unwrap(), a, "{n}");
        t.tutup().await;
        basis.selesai().await;
    }
}
