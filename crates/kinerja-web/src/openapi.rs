//! The OpenAPI 3.1 document of `/api/v1`, served at `/api/v1/openapi.json`. Request and error
//! schemas come from the Rust types (schemars, JSON Schema 2020-12, the dialect of OpenAPI 3.1),
//! so the document cannot drift from what the handlers parse.

use crate::api::IsianRealisasi;
use crate::galat::GalatApi;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

fn skema() -> Map<String, Value> {
    let mut s = SchemaSettings::draft2020_12();
    s.definitions_path = "/components/schemas".into();
    let mut g = s.into_generator();
    let isian = g.subschema_for::<IsianRealisasi>();
    let galat = g.subschema_for::<GalatApi>();
    let mut defs: Map<String, Value> = g.take_definitions(true).into_iter().collect();
    // Named entries for the two top-level types (subschema_for may inline or reference them).
    defs.entry("IsianRealisasi").or_insert(isian.to_value());
    defs.entry("GalatApi").or_insert(galat.to_value());
    defs.insert(
        "Ringkasan".into(),
        json!({
            "type": "object",
            "description": "Jumlah rekaman yang ditambah, diubah, dihapus dan yang tetap; setiap perubahan tercatat di jejak audit.",
            "properties": {
                "ditambah": {"type": "integer"}, "diubah": {"type": "integer"},
                "dihapus": {"type": "integer"}, "tetap": {"type": "integer"}
            },
            "required": ["ditambah", "diubah", "dihapus", "tetap"]
        }),
    );
    defs.insert(
        "BarisJejak".into(),
        json!({
            "type": "object",
            "properties": {
                "id": {"type": "integer"}, "waktu": {"type": "string", "format": "date-time"},
                "pengguna": {"type": "string"}, "pelapor": {"type": "string"},
                "tabel": {"type": "string"}, "kunci": {"type": "string"},
                "aksi": {"type": "string", "enum": ["tambah", "ubah", "hapus"]},
                "lama": {}, "baru": {}, "sumber": {"type": "string"}
            },
            "required": ["id", "waktu", "pengguna", "pelapor", "tabel", "kunci", "aksi", "sumber"]
        }),
    );
    defs
}

fn galat(keterangan: &str) -> Value {
    json!({
        "description": keterangan,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/GalatApi"}}}
    })
}

fn objek(keterangan: &str) -> Value {
    json!({
        "description": keterangan,
        "content": {"application/json": {"schema": {"type": "object"}}}
    })
}

pub fn dokumen() -> Value {
    let id = json!({"name": "id", "in": "path", "required": true,
        "description": "Id instansi pelapor (mis. mumbulsari)",
        "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"}});
    let tahun = json!({"name": "tahun", "in": "path", "required": true,
        "schema": {"type": "integer", "minimum": kinerja_core::waktu::TAHUN_MIN,
                   "maximum": kinerja_core::waktu::TAHUN_MAKS}});
    let umum = |ok: Value| {
        json!({
            "200": ok,
            "400": galat("Alamat tidak dapat dibaca"),
            "404": galat("Id atau tahun tidak sah, atau instansi tidak memiliki data"),
            "500": galat("Kesalahan pada server; pesan memuat kode kejadian"),
            "503": galat("Penyimpanan tidak dapat melayani; pesan memuat kode kejadian")
        })
    };
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "kinerja API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Rencana, pengukuran kinerja, anggaran dan realisasi instansi (SAKIP). \
                Angka dalam JSON adalah bilangan tepat; persentase dibulatkan sekali ke 2 desimal, \
                setengah menjauhi nol. Nilai target/realisasi adalah teks seperti ditulis dokumen \
                (\"88,5\", \"B (80 %)\"). Data yang sudah diterbitkan terbuka untuk umum; \
                selebihnya perlu token API (`kinerja pengguna token`, dikirim sebagai Bearer) \
                atau HTTP Basic. Percobaan masuk yang gagal dibatasi: 429 dengan Retry-After; \
                pemeriksaan kata sandi yang penuh: 503 dengan Retry-After."
        },
        "paths": {
            "/api/v1/openapi.json": {"get": {"summary": "Dokumen ini", "responses": {"200": objek("OpenAPI 3.1")}}},
            "/api/v1/instansi": {"get": {
                "summary": "Daftar instansi, induk sebelum anak",
                "responses": {"200": {"description": "Instansi", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}},
                              "503": galat("Penyimpanan tidak dapat melayani")}}},
            "/api/v1/instansi/{id}/rencana": {"get": {
                "summary": "Rencana: Renstra, tujuan, sasaran, indikator, target, program, kegiatan, RKT, PK, IKU",
                "parameters": [id], "responses": umum(objek("Rencana, dalam bentuk berkas data"))}},
            "/api/v1/instansi/{id}/tahun/{tahun}/pengukuran": {"get": {
                "summary": "Pengukuran kinerja: target, realisasi, capaian dan predikat per indikator dan sasaran",
                "parameters": [id, tahun], "responses": umum(objek("Tabel pengukuran (bentuk sama dengan `kinerja capaian --format json`)"))}},
            "/api/v1/instansi/{id}/tahun/{tahun}/anggaran": {"get": {
                "summary": "Pagu, realisasi dan serapan anggaran",
                "parameters": [id, tahun], "responses": umum(objek("Ringkasan anggaran (bentuk sama dengan `kinerja anggaran --format json`)"))}},
            "/api/v1/instansi/{id}/realisasi": {"put": {
                "summary": "Menyimpan realisasi per indikator, tahun dan periode (tambah atau ubah)",
                "description": "Seluruh data instansi divalidasi seperti impor berkas sebelum disimpan; bila ada pelanggaran, tidak ada yang berubah (422).",
                "parameters": [id],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IsianRealisasi"}}}},
                "responses": {
                    "200": {"description": "Tersimpan", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Ringkasan"}}}},
                    "400": galat("JSON rusak atau alamat tidak dapat dibaca"),
                    "404": galat("Id tidak sah, atau instansi tidak memiliki data"),
                    "409": galat("Periode sudah disetujui (terkunci); buka kunci dahulu"),
                    "415": galat("Bukan application/json"),
                    "422": galat("Isian atau data hasilnya tidak sah; rincian menyebut letaknya"),
                    "500": galat("Kesalahan pada server; pesan memuat kode kejadian"),
                    "503": galat("Penyimpanan tidak dapat melayani; pesan memuat kode kejadian")
                }}},
            "/api/v1/instansi/{id}/jejak": {"get": {
                "summary": "Jejak audit, terbaru dahulu",
                "parameters": [id,
                    {"name": "tabel", "in": "query", "schema": {"type": "string"}},
                    {"name": "kunci", "in": "query", "schema": {"type": "string"}},
                    {"name": "batas", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}],
                "responses": {
                    "200": {"description": "Baris jejak", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/BarisJejak"}}}}},
                    "400": galat("Alamat atau kueri tidak sah"),
                    "404": galat("Id tidak sah"),
                    "503": galat("Penyimpanan tidak dapat melayani; pesan memuat kode kejadian")
                }}}
        },
        "security": [{"bearer": []}, {"basic": []}, {}],
        "components": {
            "schemas": skema(),
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer",
                    "description": "Token API dari `kinerja pengguna token`; tanpa biaya hash kata sandi"},
                "basic": {"type": "http", "scheme": "basic",
                    "description": "Nama pengguna dan kata sandi; setiap permintaan memeriksa kata sandi (argon2id)"}
            }
        }
    })
}
