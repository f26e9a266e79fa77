"""Messages of ``rtplan i18n`` (gettext files for translators; rtplan.i18n)."""

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "cli.i18n.help": {"id": "berkas terjemahan (.pot/.po) untuk bahasa lain",
                      "en": "translation files (.pot/.po) for other languages"},
    "cli.i18n.description": {
        "id": "Berkas gettext untuk menerjemahkan rtplan ke bahasa lain (mis. bahasa Jawa, jv).\n"
              "  extract  tulis templat seluruh katalog (rtplan.pot)\n"
              "  init     mulai terjemahan baru (jv.po)\n"
              "  update   samakan terjemahan dengan katalog terbaru\n"
              "Taruh LANG.po di folder yang ditunjuk RTPLAN_LOCALE_DIR; yang belum diterjemahkan tampil\n"
              "dalam bahasa Indonesia.",
        "en": "Gettext files for translating rtplan into another language (e.g. Javanese, jv).\n"
              "  extract  write a template of the whole catalogue (rtplan.pot)\n"
              "  init     start a new translation (jv.po)\n"
              "  update   bring a translation up to date with the catalogue\n"
              "Put LANG.po in the folder named by RTPLAN_LOCALE_DIR; what is not translated yet shows\n"
              "in Indonesian.",
    },
    "cli.i18n.extract.help": {"id": "tulis templat gettext (.pot) seluruh katalog",
                              "en": "write the gettext template (.pot) of the whole catalogue"},
    "cli.i18n.extract.output": {"id": "berkas tujuan (bawaan: rtplan.pot)",
                                "en": "the file to write (default: rtplan.pot)"},
    "cli.i18n.init.help": {"id": "mulai berkas terjemahan (.po) untuk satu bahasa",
                           "en": "start a translation file (.po) for one language"},
    "cli.i18n.init.language": {"id": "kode bahasa, mis. jv (Jawa), su (Sunda), ms (Melayu)",
                               "en": "a language code, e.g. jv (Javanese), su (Sundanese), ms (Malay)"},
    "cli.i18n.init.output": {"id": "berkas tujuan (bawaan: LANG.po)", "en": "the file to write (default: LANG.po)"},
    "cli.i18n.init.force": {"id": "timpa berkas yang sudah ada", "en": "overwrite an existing file"},
    "cli.i18n.update.help": {"id": ("samakan berkas .po dengan katalog terbaru (entri baru, yang berubah ditandai "
                                    "fuzzy)"),
                             "en": "bring a .po file up to date with the catalogue (new entries, changed ones "
                                   "marked fuzzy)"},
    "cli.i18n.update.file": {"id": "berkas .po terjemahan", "en": "the translation's .po file"},
    "cli.i18n.written": {"id": "Ditulis: {path} ({n} entri)",
                         "en": {"one": "Written: {path} ({n} entry)", "other": "Written: {path} ({n} entries)"}},
    "cli.i18n.updated": {"id": "Diperbarui: {path} ({translated} dari {n} entri sudah diterjemahkan)",
                         "en": {"one": "Updated: {path} ({translated} of {n} entry translated)",
                                "other": "Updated: {path} ({translated} of {n} entries translated)"}},
    "i18n.builtin": {"id": "Bahasa '{lang}' sudah bawaan rtplan; teksnya ada di rtplan/messages/.",
                     "en": "The language '{lang}' is built into rtplan; its texts are in rtplan/messages/."},
    "i18n.unknown_lang": {"id": "Kode bahasa '{lang}' tidak dikenal (contoh: jv, su, ms).",
                          "en": "Unknown language code '{lang}' (for example: jv, su, ms)."},
    "i18n.exists": {"id": "{path} sudah ada; tidak ditimpa. Pakai 'rtplan i18n update {path}' atau --force.",
                    "en": "{path} already exists; not overwritten. Use 'rtplan i18n update {path}' or --force."},
    "i18n.no_file": {"id": "Berkas {path} tidak ada.", "en": "The file {path} does not exist."},
    "i18n.bad_po": {"id": "{path} tidak bisa dibaca sebagai berkas .po: {error}",
                    "en": "{path} cannot be read as a .po file: {error}"},
}
