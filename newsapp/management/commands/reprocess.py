from django.core.management.base import BaseCommand

from newsapp.models import Article
from newsapp.services.extraction import record_analysis


class Command(BaseCommand):
    help = "يعيد تحليل المقالات المخزنة بعد تعديل الدليل؛ تشغيله مرتين كتشغيله مرة."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="أرقام مقالات بعينها (الافتراضي: الكل)")

    def handle(self, *args, ids, **options):
        articles = Article.objects.order_by("id")
        if ids:
            articles = articles.filter(pk__in=ids)
        count = 0
        for article in articles.iterator(chunk_size=200):
            record_analysis(article)
            count += 1
        self.stdout.write(f"أعيد تحليل {count} مقالاً")
