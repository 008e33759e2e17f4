import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsapp.management.commands.ingest import iso_date
from newsapp.nlp.clean import clean_text
from newsapp.nlp.pipeline import analyze
from newsapp.services.gazetteer import current_gazetteer
from newsapp.services.readers import decode


class Command(BaseCommand):
    help = "يحلل نصاً واحداً ويطبع ما وجده (كيانات ولقاءات) دون أن يكتب شيئاً في قاعدة البيانات."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="ملف نصي، أو - للإدخال القياسي")
        parser.add_argument("--published", type=iso_date, help="تاريخ النشر YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "text"], default="json")
        parser.add_argument("--no-clean", action="store_true", help="حلل النص كما هو دون تنظيف")

    def handle(self, *args, file, published, format, no_clean, **options):
        try:
            data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
            text = decode(data)
        except (OSError, ValueError) as error:
            raise CommandError(f"تعذرت قراءة {file}: {error}") from None
        analysis = analyze(text if no_clean else clean_text(text), published, current_gazetteer())
        document = analysis.as_json()
        if format == "json":
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1))
            return
        for meeting in document["meetings"]:
            names = "، ".join(p["name"] for p in meeting["participants"])
            self.stdout.write(f"{meeting['date'] or '؟'} {meeting['kind']} ({meeting['status']}): {names}")
