<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Hamish</source>
        <translation>عن هامش</translation>
    </message>
    <message>
        <source>Hamish (هامش) %1</source>
        <translation>هامش (Hamish) %1</translation>
    </message>
    <message>
        <source>Read, annotate and brief on Arabic news.</source>
        <translation>اقرأ الأخبار العربية ودوّن حواشيها وأعدّ الإحاطات.</translation>
    </message>
    <message>
        <source>Hamish is free software under the MIT licence.</source>
        <translation>هامش برنامج حرّ مرخّص بموجب رخصة MIT.</translation>
    </message>
    <message>
        <source>%1 and Qt for Python (%2) are used under the GNU Lesser General Public License, version 3 (LGPL-3.0). They are shipped as separate shared libraries, which you may replace with your own build. Their source code is at %3 and %4.</source>
        <translation>تُستخدم مكتبتا %1 و%2 بموجب رخصة غنو العمومية الصغرى، الإصدار الثالث (LGPL-3.0). وهما مرفقتان مكتباتٍ مشتركةً منفصلة يجوز لك استبدال نسخة تبنيها بنفسك بها. وشيفرتهما المصدرية متاحة في %3 و%4.</translation>
    </message>
    <message>
        <source>%1 is used under the Python Software Foundation License.</source>
        <translation>تُستخدم لغة %1 بموجب رخصة مؤسسة بايثون للبرمجيات.</translation>
    </message>
    <message>
        <source>Hamish</source>
        <translation>هامش</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>الرخصة</translation>
    </message>
    <message>
        <source>Third-party licences</source>
        <translation>رخص المكتبات الخارجية</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>&amp;New Project…</source>
        <translation>مشروع جديد…</translation>
    </message>
    <message>
        <source>Create an empty project file</source>
        <translation>إنشاء ملف مشروع فارغ</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>فتح مشروع…</translation>
    </message>
    <message>
        <source>Open another project file</source>
        <translation>فتح ملف مشروع آخر</translation>
    </message>
    <message>
        <source>&amp;Import Articles…</source>
        <translation>استيراد مقالات…</translation>
    </message>
    <message>
        <source>Import articles: text, Markdown, web pages, Word, PDF or e-mail files</source>
        <translation>استيراد مقالات: ملفات نصية أو Markdown أو صفحات ويب أو Word أو PDF أو بريد إلكتروني</translation>
    </message>
    <message>
        <source>Import &amp;Folder…</source>
        <translation>استيراد مجلد…</translation>
    </message>
    <message>
        <source>Import every article in a folder and its subfolders</source>
        <translation>استيراد كل المقالات في مجلد ومجلداته الفرعية</translation>
    </message>
    <message>
        <source>New Article from &amp;Clipboard</source>
        <translation>مقال جديد من الحافظة</translation>
    </message>
    <message>
        <source>Make an article of the copied text or web page selection</source>
        <translation>إنشاء مقال من النص المنسوخ أو من تحديد في صفحة ويب</translation>
    </message>
    <message>
        <source>Edit &amp;Metadata…</source>
        <translation>تحرير البيانات الوصفية…</translation>
    </message>
    <message>
        <source>Edit the title, outlet, URL, date, language and direction of the article</source>
        <translation>تحرير عنوان المقال ووسيلته الإعلامية ورابطه وتاريخه ولغته واتجاهه</translation>
    </message>
    <message>
        <source>&amp;Delete Article…</source>
        <translation>حذف المقال…</translation>
    </message>
    <message>
        <source>Remove the article with its annotations and claims (Edit → Undo brings it back)</source>
        <translation>حذف المقال مع تعليقاته وادعاءاته (تحرير ← تراجع يعيده)</translation>
    </message>
    <message>
        <source>Export &amp;Briefing…</source>
        <translation>تصدير إحاطة…</translation>
    </message>
    <message>
        <source>Write a Word briefing from the annotations, claims and entities</source>
        <translation>كتابة إحاطة بصيغة Word من التعليقات والادعاءات والكيانات</translation>
    </message>
    <message>
        <source>&amp;Annotations (CSV)…</source>
        <translation>التعليقات (CSV)…</translation>
    </message>
    <message>
        <source>Annotations as a spreadsheet</source>
        <translation>التعليقات في جدول بيانات</translation>
    </message>
    <message>
        <source>&amp;Claims (CSV)…</source>
        <translation>الادعاءات (CSV)…</translation>
    </message>
    <message>
        <source>Claims as a spreadsheet</source>
        <translation>الادعاءات في جدول بيانات</translation>
    </message>
    <message>
        <source>Whole Project (&amp;JSON)…</source>
        <translation>المشروع كاملاً (JSON)…</translation>
    </message>
    <message>
        <source>The whole project as Hamish JSON</source>
        <translation>المشروع كاملاً بصيغة JSON الخاصة بهامش</translation>
    </message>
    <message>
        <source>UIMA CAS &amp;XMI for INCEpTION…</source>
        <translation>ملفات UIMA CAS &amp;XMI لبرنامج INCEpTION…</translation>
    </message>
    <message>
        <source>Entity tags and claims as UIMA CAS XMI, for INCEpTION</source>
        <translation>وسوم الكيانات والادعاءات بصيغة UIMA CAS XMI لبرنامج INCEpTION</translation>
    </message>
    <message>
        <source>&amp;brat Standoff…</source>
        <translation>ملفات &amp;brat المنفصلة…</translation>
    </message>
    <message>
        <source>Tags, notes and claim links as brat standoff files</source>
        <translation>الوسوم والملاحظات وروابط الادعاءات في ملفات brat المنفصلة</translation>
    </message>
    <message>
        <source>CoNLL / BIO for &amp;NER Training…</source>
        <translation>ملف CoNLL / BIO لتدريب &amp;نماذج الكيانات…</translation>
    </message>
    <message>
        <source>Entity tags word by word, to train other tools</source>
        <translation>وسوم الكيانات كلمةً كلمة، لتدريب أدوات أخرى</translation>
    </message>
    <message>
        <source>UIMA CAS &amp;XMI (INCEpTION)…</source>
        <translation>ملفات UIMA CAS &amp;XMI من INCEpTION…</translation>
    </message>
    <message>
        <source>Articles and tags from an INCEpTION export</source>
        <translation>مقالات ووسوم من ملف صدّره INCEpTION</translation>
    </message>
    <message>
        <source>Articles and tags from a zip of brat .txt and .ann files</source>
        <translation>مقالات ووسوم من أرشيف zip لملفات brat ‎.txt و‎.ann</translation>
    </message>
    <message>
        <source>Whole Project (&amp;REFI-QDA)…</source>
        <translation>المشروع كاملاً (REFI-QDA)…</translation>
    </message>
    <message>
        <source>The whole project for QualCoder, MAXQDA or ATLAS.ti (.qdpx)</source>
        <translation>المشروع كاملاً لبرامج QualCoder أو MAXQDA أو ATLAS.ti (‎.qdpx)</translation>
    </message>
    <message>
        <source>Annotations (&amp;W3C Web Annotation)…</source>
        <translation>التعليقات (W3C Web Annotation)…</translation>
    </message>
    <message>
        <source>Every annotation as W3C Web Annotation JSON-LD (.jsonld)</source>
        <translation>كل التعليقات بصيغة W3C Web Annotation JSON-LD (‎.jsonld)</translation>
    </message>
    <message>
        <source>Import &amp;Project (REFI-QDA, Web Annotation)…</source>
        <translation>استيراد مشروع (REFI-QDA أو Web Annotation)…</translation>
    </message>
    <message>
        <source>Import a REFI-QDA project (.qdpx) or a Web Annotation file (.jsonld)</source>
        <translation>استيراد مشروع REFI-QDA (‎.qdpx) أو ملف Web Annotation (‎.jsonld)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>النسخ الاحتياطية…</translation>
    </message>
    <message>
        <source>The project&apos;s automatic backups: see when they were made, restore one</source>
        <translation>النسخ الاحتياطية التلقائية للمشروع: متى أُخذت، واستعادة إحداها</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>إنهاء</translation>
    </message>
    <message>
        <source>Quit Hamish</source>
        <translation>إنهاء هامش</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>تكبير</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>تصغير</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>الحجم الفعلي</translation>
    </message>
    <message>
        <source>Reset the text size</source>
        <translation>إعادة حجم النص إلى أصله</translation>
    </message>
    <message>
        <source>Reader &amp;Font…</source>
        <translation>خط القراءة…</translation>
    </message>
    <message>
        <source>Choose the font articles are shown in</source>
        <translation>اختيار الخط الذي تُعرض به المقالات</translation>
    </message>
    <message>
        <source>Filter &amp;Library</source>
        <translation>تصفية المكتبة</translation>
    </message>
    <message>
        <source>Filter the list of articles</source>
        <translation>تصفية قائمة المقالات</translation>
    </message>
    <message>
        <source>&amp;Find in Article…</source>
        <translation>بحث في المقال…</translation>
    </message>
    <message>
        <source>Find words in the open article</source>
        <translation>البحث عن كلمات في المقال المفتوح</translation>
    </message>
    <message>
        <source>&amp;Search All Articles…</source>
        <translation>بحث في كل المقالات…</translation>
    </message>
    <message>
        <source>Search every article: words, &quot;phrases&quot;, prefix*, OR, NOT</source>
        <translation>البحث في كل المقالات: كلمات، &quot;عبارات&quot;، بادئة*، OR، NOT</translation>
    </message>
    <message>
        <source>&amp;Next Annotation</source>
        <translation>التعليق التالي</translation>
    </message>
    <message>
        <source>Go to the next annotation in the article</source>
        <translation>الانتقال إلى التعليق التالي في المقال</translation>
    </message>
    <message>
        <source>&amp;Previous Annotation</source>
        <translation>التعليق السابق</translation>
    </message>
    <message>
        <source>Go to the previous annotation in the article</source>
        <translation>الانتقال إلى التعليق السابق في المقال</translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation>تحرير الملاحظة…</translation>
    </message>
    <message>
        <source>Write a note on the annotation</source>
        <translation>كتابة ملاحظة على التعليق</translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation>حذف التعليق</translation>
    </message>
    <message>
        <source>Remove the annotation</source>
        <translation>حذف التعليق</translation>
    </message>
    <message>
        <source>&amp;Manage Labels…</source>
        <translation>إدارة الوسوم…</translation>
    </message>
    <message>
        <source>Add, rename, recolour or remove labels</source>
        <translation>إضافة الوسوم أو إعادة تسميتها أو تغيير ألوانها أو حذفها</translation>
    </message>
    <message>
        <source>&amp;Snap Selections to Words</source>
        <translation>توسيع التحديد إلى كلمات كاملة</translation>
    </message>
    <message>
        <source>Grow selections to whole words (hold Alt while selecting to keep exact characters)</source>
        <translation>توسيع التحديد إلى كلمات كاملة (اضغط Alt أثناء التحديد للإبقاء على الأحرف كما هي)</translation>
    </message>
    <message>
        <source>&amp;Link to Entity…</source>
        <translation>ربط بكيان…</translation>
    </message>
    <message>
        <source>Link the annotation to an entity of the registry, or create one</source>
        <translation>ربط التعليق بكيان من السجل، أو إنشاء كيان جديد</translation>
    </message>
    <message>
        <source>Find All &amp;Mentions…</source>
        <translation>العثور على كل الإشارات…</translation>
    </message>
    <message>
        <source>Find untagged mentions of the entity under the cursor, in this article or all</source>
        <translation>العثور على إشارات غير موسومة إلى الكيان الذي عند المؤشر، في هذا المقال أو في كل المقالات</translation>
    </message>
    <message>
        <source>Offer &amp;Name Parts as Aliases</source>
        <translation>اقتراح أجزاء الاسم أسماءً بديلة</translation>
    </message>
    <message>
        <source>When a new person is tagged, offer the parts of the name (جون كيري → كيري) as aliases to confirm</source>
        <translation>عند وسم شخص جديد، اقتراح أجزاء اسمه (جون كيري ← كيري) أسماءً بديلة لتأكيدها</translation>
    </message>
    <message>
        <source>Retrain Suggestions &amp;After…</source>
        <translation>إعادة تدريب الاقتراحات بعد…</translation>
    </message>
    <message>
        <source>How many new entity tags and decisions make the suggestions learn again</source>
        <translation>كم وسماً وقراراً جديداً تتعلّم الاقتراحات بعدها من جديد</translation>
    </message>
    <message>
        <source>Review Name &amp;Parts</source>
        <translation>مراجعة أجزاء الاسم</translation>
    </message>
    <message>
        <source>Go to the name parts offered as aliases: Space ticks, Enter adds, Esc dismisses</source>
        <translation>الانتقال إلى أجزاء الاسم المقترحة أسماءً بديلة: المسافة للتحديد، Enter للإضافة، Esc للتجاهل</translation>
    </message>
    <message>
        <source>Show &amp;Suggestions</source>
        <translation>إظهار الاقتراحات</translation>
    </message>
    <message>
        <source>Suggest names after titles, known aliases and claim sentences (dashed underline)</source>
        <translation>اقتراح أسماء بعد الألقاب والأسماء البديلة المعروفة وجمل الادعاء (خط متقطع تحتها)</translation>
    </message>
    <message>
        <source>&amp;Accept Suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <source>Tag the suggestion under the cursor</source>
        <translation>وسم الاقتراح الذي عند المؤشر</translation>
    </message>
    <message>
        <source>Next Su&amp;ggestion</source>
        <translation>الاقتراح التالي</translation>
    </message>
    <message>
        <source>Go to the next suggestion</source>
        <translation>الانتقال إلى الاقتراح التالي</translation>
    </message>
    <message>
        <source>&amp;Review Queue</source>
        <translation>قائمة المراجعة</translation>
    </message>
    <message>
        <source>Every pending suggestion of the project, to accept or reject in bulk</source>
        <translation>كل الاقتراحات المعلّقة في المشروع، لقبولها أو رفضها دفعة واحدة</translation>
    </message>
    <message>
        <source>Suggestion &amp;Legend</source>
        <translation>دليل الاقتراحات</translation>
    </message>
    <message>
        <source>What the dashed lines of suggestions and their scores mean</source>
        <translation>معنى الخطوط المتقطعة تحت الاقتراحات ونِسَب الثقة فيها</translation>
    </message>
    <message>
        <source>&amp;Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>Show the entity registry</source>
        <translation>إظهار سجل الكيانات</translation>
    </message>
    <message>
        <source>&amp;Claims Table</source>
        <translation>جدول الادعاءات</translation>
    </message>
    <message>
        <source>Show every claim in the project</source>
        <translation>إظهار كل ادعاءات المشروع</translation>
    </message>
    <message>
        <source>Entity &amp;Network</source>
        <translation>شبكة الكيانات</translation>
    </message>
    <message>
        <source>Who appears with whom: the entities as a network</source>
        <translation>من يظهر مع من: الكيانات في شبكة</translation>
    </message>
    <message>
        <source>Claim &amp;Timeline</source>
        <translation>الخط الزمني للادعاءات</translation>
    </message>
    <message>
        <source>Claims against time, one lane per claimant, with their links</source>
        <translation>الادعاءات على محور الزمن، مسار لكل صاحب ادعاء، مع الروابط بينها</translation>
    </message>
    <message>
        <source>&amp;About Hamish</source>
        <translation>عن هامش</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Every key of the window, searchable</source>
        <translation>كل مفاتيح النافذة، مع بحث فيها</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>البدء</translation>
    </message>
    <message>
        <source>Show the short guide to tagging an article</source>
        <translation>عرض الدليل القصير لوسم مقال</translation>
    </message>
    <message>
        <source>Your &amp;Name…</source>
        <translation>اسمك…</translation>
    </message>
    <message>
        <source>The name recorded on your annotations and briefings</source>
        <translation>الاسم المسجل على تعليقاتك وإحاطاتك</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>مسح القائمة</translation>
    </message>
    <message>
        <source>Forget the recently opened projects</source>
        <translation>نسيان المشاريع المفتوحة مؤخرًا</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>حسب النظام</translation>
    </message>
    <message>
        <source>Light or dark as the desktop is</source>
        <translation>فاتح أو داكن كما هو سطح المكتب</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <source>Dark text on a light background</source>
        <translation>نص داكن على خلفية فاتحة</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <source>Light text on a dark background</source>
        <translation>نص فاتح على خلفية داكنة</translation>
    </message>
    <message>
        <source>Side &amp;by Side</source>
        <translation>جنباً إلى جنب</translation>
    </message>
    <message>
        <source>A second reading pane beside the first, to compare</source>
        <translation>لوحة قراءة ثانية بجانب الأولى للمقارنة</translation>
    </message>
    <message>
        <source>Open &amp;Beside</source>
        <translation>فتح بجانبه</translation>
    </message>
    <message>
        <source>Open the article in a second pane beside the first</source>
        <translation>فتح المقال في لوحة ثانية بجانب الأولى</translation>
    </message>
    <message>
        <source>Scroll &amp;Together</source>
        <translation>تمرير متزامن</translation>
    </message>
    <message>
        <source>Scroll the two panes together</source>
        <translation>تمرير اللوحتين معاً</translation>
    </message>
    <message>
        <source>&amp;Figure…</source>
        <translation>رسم الشبكة أو الخط الزمني…</translation>
    </message>
    <message>
        <source>Write the entity network or the claim timeline as a PNG or SVG file</source>
        <translation>حفظ شبكة الكيانات أو الخط الزمني للادعاءات في ملف صورة أو رسم متّجه</translation>
    </message>
</context>
<context>
    <name>AnnotationModel</name>
    <message>
        <source>Re-anchored: the article changed and this annotation was found again by its quote.</source>
        <translation>أُعيد تثبيته: تغيّر المقال وعُثر على هذا التعليق مجدداً من خلال نصه المقتبس.</translation>
    </message>
    <message>
        <source>Orphaned: its quoted text is no longer in the article. Delete it or keep it for the record.</source>
        <translation>فاقد لموضعه: لم يعد نصه المقتبس موجوداً في المقال. احذفه أو أبقه للتوثيق.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>الكيان</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Unknown label</source>
        <translation>وسم غير معروف</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>ملاحظة: {note}</translation>
    </message>
    <message>
        <source>By {author}, {time}</source>
        <translation>بقلم {author}، {time}</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Annotations</source>
        <translation>التعليقات</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>No article open</source>
        <translation>لا مقال مفتوح</translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>لا تعليقات</numerusform>
            <numerusform>تعليق واحد</numerusform>
            <numerusform>تعليقان</numerusform>
            <numerusform>%n تعليقات</numerusform>
            <numerusform>%n تعليقاً</numerusform>
            <numerusform>%n تعليق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n orphaned</source>
        <translation>
            <numerusform>لا شيء فاقد لموضعه</numerusform>
            <numerusform>واحد فاقد لموضعه</numerusform>
            <numerusform>اثنان فاقدان لموضعهما</numerusform>
            <numerusform>%n فاقدة لمواضعها</numerusform>
            <numerusform>%n فاقداً لموضعه</numerusform>
            <numerusform>%n فاقد لموضعه</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Cannot open project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
</context>
<context>
    <name>ArticleActions</name>
    <message>
        <source>Select an article first.</source>
        <translation>اختر مقالاً أولاً.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln annotation(s)</source>
        <translation>
            <numerusform>لا تعليقات</numerusform>
            <numerusform>تعليق واحد</numerusform>
            <numerusform>تعليقان</numerusform>
            <numerusform>%Ln تعليقات</numerusform>
            <numerusform>%Ln تعليقاً</numerusform>
            <numerusform>%Ln تعليق</numerusform>
        </translation>
    </message>
    <message>
        <source>article {id}</source>
        <translation>المقال {id}</translation>
    </message>
    <message>
        <source>Delete “{title}” and its {annotations}?</source>
        <translation>حذف «{title}» ومعه {annotations}؟</translation>
    </message>
    <message>
        <source>Deleted “{title}”.</source>
        <translation>حُذف «{title}».</translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln article(s) and their {annotations}?</source>
        <translation>
            <numerusform>حذف المقالات ومعها {annotations}؟</numerusform>
            <numerusform>حذف مقال واحد ومعه {annotations}؟</numerusform>
            <numerusform>حذف مقالين ومعهما {annotations}؟</numerusform>
            <numerusform>حذف %Ln مقالات ومعها {annotations}؟</numerusform>
            <numerusform>حذف %Ln مقالاً ومعها {annotations}؟</numerusform>
            <numerusform>حذف %Ln مقال ومعها {annotations}؟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %Ln article(s).</source>
        <translation>
            <numerusform>لم يُحذف أي مقال.</numerusform>
            <numerusform>حُذف مقال واحد.</numerusform>
            <numerusform>حُذف مقالان.</numerusform>
            <numerusform>حُذفت %Ln مقالات.</numerusform>
            <numerusform>حُذف %Ln مقالاً.</numerusform>
            <numerusform>حُذف %Ln مقال.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies) will be left without mentions and stay in the registry, listed under Entities → Unmentioned.</source>
        <translation>
            <numerusform>لن يبقى أي كيان بلا ذكر.</numerusform>
            <numerusform>سيبقى كيان واحد بلا ذكر في سجل الكيانات، وتجده في الكيانات ← بلا ذكر.</numerusform>
            <numerusform>سيبقى كيانان بلا ذكر في سجل الكيانات، وتجدهما في الكيانات ← بلا ذكر.</numerusform>
            <numerusform>ستبقى %n كيانات بلا ذكر في سجل الكيانات، وتجدها في الكيانات ← بلا ذكر.</numerusform>
            <numerusform>سيبقى %n كياناً بلا ذكر في سجل الكيانات، وتجدها في الكيانات ← بلا ذكر.</numerusform>
            <numerusform>سيبقى %n كيان بلا ذكر في سجل الكيانات، وتجدها في الكيانات ← بلا ذكر.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Articles</source>
        <translation>حذف المقالات</translation>
    </message>
    <message>
        <source>Delete Article</source>
        <translation>حذف المقال</translation>
    </message>
    <message>
        <source>Claims, links and notes on them go too. Edit → Undo brings everything back.</source>
        <translation>تُحذف معها الادعاءات والروابط والملاحظات. تحرير ← تراجع يعيد كل شيء.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Cannot delete the article</source>
        <translation>تعذّر حذف المقال</translation>
    </message>
    <message>
        <source>Edit → Undo (Ctrl+Z) brings it back.</source>
        <translation>تحرير ← تراجع (Ctrl+Z) يعيده.</translation>
    </message>
    <message numerus="yes">
        <source>Brought back %Ln article(s).</source>
        <translation>
            <numerusform>لم يُستعد أي مقال.</numerusform>
            <numerusform>استُعيد مقال واحد.</numerusform>
            <numerusform>استُعيد مقالان.</numerusform>
            <numerusform>استُعيدت %Ln مقالات.</numerusform>
            <numerusform>استُعيد %Ln مقالاً.</numerusform>
            <numerusform>استُعيد %Ln مقال.</numerusform>
        </translation>
    </message>
    <message>
        <source>{edit} again.</source>
        <translation>{edit} مجدداً.</translation>
    </message>
</context>
<context>
    <name>ArticleChooser</name>
    <message>
        <source>Articles of the network</source>
        <translation>مقالات الشبكة</translation>
    </message>
    <message>
        <source>None ticked: every article.</source>
        <translation>إن لم تحدد شيئاً: كل المقالات.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Daily</source>
        <translation>يومية</translation>
    </message>
    <message>
        <source>Made on request</source>
        <translation>بطلب منك</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>قبل تحديث</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>قبل استعادة</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} كيلوبايت</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} ميغابايت</translation>
    </message>
    <message>
        <source>Backups of {name}</source>
        <translation>النسخ الاحتياطية لـ{name}</translation>
    </message>
    <message>
        <source>Hamish backs this project up when it opens it (once a day), before every upgrade and before every restore. They are kept in this folder:</source>
        <translation>يأخذ هامش نسخة احتياطية من هذا المشروع عند فتحه (مرة في اليوم)، وقبل كل ترقية، وقبل كل استعادة. تُحفظ النسخ في هذا المجلد:</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>أُخذت في</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>الحجم</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>لا توجد نسخ احتياطية بعد.</translation>
    </message>
    <message>
        <source>This project is read-only: it takes no backups and cannot be restored.</source>
        <translation>هذا المشروع للقراءة فقط: لا تؤخذ له نسخ احتياطية ولا يمكن استعادته.</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>استعادة…</translation>
    </message>
    <message>
        <source>Replace the project with the chosen backup; what it holds now is backed up first</source>
        <translation>استبدال المشروع بالنسخة المختارة؛ يُحفظ ما فيه الآن في نسخة احتياطية أولًا</translation>
    </message>
    <message>
        <source>Back Up &amp;Now</source>
        <translation>نسخ احتياطي الآن</translation>
    </message>
    <message>
        <source>Show &amp;Folder</source>
        <translation>إظهار المجلد</translation>
    </message>
</context>
<context>
    <name>ClaimEditor</name>
    <message>
        <source>Claimant</source>
        <translation>صاحب الادعاء</translation>
    </message>
    <message>
        <source>A — completely reliable</source>
        <translation>A — موثوق تماماً</translation>
    </message>
    <message>
        <source>B — usually reliable</source>
        <translation>B — موثوق عادةً</translation>
    </message>
    <message>
        <source>C — fairly reliable</source>
        <translation>C — موثوق إلى حد ما</translation>
    </message>
    <message>
        <source>D — not usually reliable</source>
        <translation>D — غير موثوق عادةً</translation>
    </message>
    <message>
        <source>E — unreliable</source>
        <translation>E — غير موثوق</translation>
    </message>
    <message>
        <source>F — reliability cannot be judged</source>
        <translation>F — يتعذّر الحكم على موثوقيته</translation>
    </message>
    <message>
        <source>1 — confirmed</source>
        <translation>1 — مؤكَّدة</translation>
    </message>
    <message>
        <source>2 — probably true</source>
        <translation>2 — صحيحة على الأرجح</translation>
    </message>
    <message>
        <source>3 — possibly true</source>
        <translation>3 — ربما صحيحة</translation>
    </message>
    <message>
        <source>4 — doubtful</source>
        <translation>4 — مشكوك فيها</translation>
    </message>
    <message>
        <source>5 — improbable</source>
        <translation>5 — مستبعدة</translation>
    </message>
    <message>
        <source>6 — truth cannot be judged</source>
        <translation>6 — يتعذّر الحكم على صحتها</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>الادعاء</translation>
    </message>
    <message>
        <source>Place the cursor on a claim (underlined), or tag a passage as Claim (6).</source>
        <translation>ضع المؤشر على ادعاء (تحته خط)، أو ضع وسم «ادعاء» (6) على مقطع.</translation>
    </message>
    <message>
        <source>One-line summary in your words</source>
        <translation>خلاصة في سطر واحد بكلماتك</translation>
    </message>
    <message>
        <source>YYYY-MM-DD (when the claim was made)</source>
        <translation>سنة-شهر-يوم (متى صدر الادعاء)</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>ربط…</translation>
    </message>
    <message>
        <source>Link this claim to another claim</source>
        <translation>اربط هذا الادعاء بادعاء آخر</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>فك الربط</translation>
    </message>
    <message>
        <source>Remove the chosen link</source>
        <translation>احذف الربط المختار</translation>
    </message>
    <message>
        <source>Side by Side</source>
        <translation>جنباً إلى جنب</translation>
    </message>
    <message>
        <source>Open this claim and the chosen linked claim side by side</source>
        <translation>فتح هذا الادعاء والادعاء المرتبط المختار جنباً إلى جنب</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الخلاصة</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>الموقف</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>موثوقية المصدر</translation>
    </message>
    <message>
        <source>Credibility</source>
        <translation>مصداقية المعلومة</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Subjects</source>
        <translation>المواضيع</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <source>Choose claimant…</source>
        <translation>اختر صاحب الادعاء…</translation>
    </message>
</context>
<context>
    <name>ClaimLinkDialog</name>
    <message>
        <source>Link Claims</source>
        <translation>ربط الادعاءات</translation>
    </message>
    <message>
        <source>This claim {kind}</source>
        <translation>هذا الادعاء {kind}</translation>
    </message>
    <message>
        <source>Filter claims…</source>
        <translation>تصفية الادعاءات…</translation>
    </message>
    <message>
        <source>Open Both Side by Side</source>
        <translation>فتح الاثنين جنباً إلى جنب</translation>
    </message>
</context>
<context>
    <name>ClaimModel</name>
    <message>
        <source>Claim</source>
        <translation>الادعاء</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>صاحب الادعاء</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>الموقف</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>التقييم</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Article date: the claim has no date of its own</source>
        <translation>تاريخ المقال: ليس للادعاء تاريخ خاص به</translation>
    </message>
</context>
<context>
    <name>ClaimsController</name>
    <message>
        <source>Cannot save the claim</source>
        <translation>تعذّر حفظ الادعاء</translation>
    </message>
    <message>
        <source>Claimant</source>
        <translation>صاحب الادعاء</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع الادعاء</translation>
    </message>
    <message>
        <source>Cannot open the claims</source>
        <translation>تعذّر فتح الادعاءين</translation>
    </message>
    <message>
        <source>Cannot link the claims</source>
        <translation>تعذّر ربط الادعاءين</translation>
    </message>
    <message>
        <source>Cannot remove the link</source>
        <translation>تعذّرت إزالة الرابط</translation>
    </message>
</context>
<context>
    <name>ClaimsTable</name>
    <message>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>Any reliability</source>
        <translation>أي موثوقية</translation>
    </message>
    <message>
        <source>From YYYY-MM-DD</source>
        <translation>من سنة-شهر-يوم</translation>
    </message>
    <message>
        <source>To YYYY-MM-DD</source>
        <translation>إلى سنة-شهر-يوم</translation>
    </message>
    <message>
        <source>Any claimant</source>
        <translation>أي صاحب ادعاء</translation>
    </message>
    <message>
        <source>Any article</source>
        <translation>أي مقال</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>فتح</translation>
    </message>
    <message>
        <source>Open Both Side by Side: {kind} “{claim}”</source>
        <translation>فتح الاثنين جنباً إلى جنب: {kind} «{claim}»</translation>
    </message>
    <message>
        <source>No linked claims to open side by side</source>
        <translation>لا ادعاءات مرتبطة لفتحها جنباً إلى جنب</translation>
    </message>
</context>
<context>
    <name>CommandWords</name>
    <message numerus="yes">
        <source>%n label(s)</source>
        <translation>
            <numerusform>لا وسوم</numerusform>
            <numerusform>وسم واحد</numerusform>
            <numerusform>وسمان</numerusform>
            <numerusform>%n وسوم</numerusform>
            <numerusform>%n وسماً</numerusform>
            <numerusform>%n وسم</numerusform>
        </translation>
    </message>
    <message>
        <source>restored with their ids</source>
        <translation>استُعيدت بأرقامها</translation>
    </message>
    <message>
        <source>merged, ids renumbered</source>
        <translation>دُمجت وأُعيد ترقيمها</translation>
    </message>
    <message>
        <source>imported  {file}: {counts} ({how})</source>
        <translation>استُورد  {file}: {counts} ({how})</translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate article(s) skipped</source>
        <translation>
            <numerusform>لم يُتخطَّ أي مقال مكرر</numerusform>
            <numerusform>تُخطّي مقال واحد مكرر</numerusform>
            <numerusform>تُخطّي مقالان مكرران</numerusform>
            <numerusform>تُخطّيت %n مقالات مكررة</numerusform>
            <numerusform>تُخطّي %n مقالاً مكرراً</numerusform>
            <numerusform>تُخطّي %n مقال مكرر</numerusform>
        </translation>
    </message>
    <message>
        <source>{skipped} with {annotations}</source>
        <translation>{skipped} مع {annotations}</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies) already present</source>
        <translation>
            <numerusform>لا كيانات موجودة من قبل</numerusform>
            <numerusform>كيان واحد موجود من قبل</numerusform>
            <numerusform>كيانان موجودان من قبل</numerusform>
            <numerusform>%n كيانات موجودة من قبل</numerusform>
            <numerusform>%n كياناً موجوداً من قبل</numerusform>
            <numerusform>%n كيان موجود من قبل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n with notes)</source>
        <translation>
            <numerusform>(لا ملاحظات)</numerusform>
            <numerusform>(واحد منها بملاحظات)</numerusform>
            <numerusform>(اثنان منها بملاحظات)</numerusform>
            <numerusform>(%n منها بملاحظات)</numerusform>
            <numerusform>(%n منها بملاحظات)</numerusform>
            <numerusform>(%n منها بملاحظات)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>{n} annotations whose quote is not in the text were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي تعليق لم يعد نصه المقتبس موجوداً في المقال.</numerusform>
            <numerusform>لم يُستورد تعليق واحد لم يعد نصه المقتبس موجوداً في المقال.</numerusform>
            <numerusform>لم يُستورد تعليقان لم يعد نصهما المقتبس موجوداً في المقال.</numerusform>
            <numerusform>لم تُستورد {n} تعليقات لم يعد نصها المقتبس موجوداً في المقال.</numerusform>
            <numerusform>لم يُستورد {n} تعليقاً لم يعد نصه المقتبس موجوداً في المقال.</numerusform>
            <numerusform>لم يُستورد {n} تعليق لم يعد نصه المقتبس موجوداً في المقال.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} annotations on texts that are not in the file were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي تعليق على نص غير موجود في الملف.</numerusform>
            <numerusform>لم يُستورد تعليق واحد على نص غير موجود في الملف.</numerusform>
            <numerusform>لم يُستورد تعليقان على نصوص غير موجودة في الملف.</numerusform>
            <numerusform>لم تُستورد {n} تعليقات على نصوص غير موجودة في الملف.</numerusform>
            <numerusform>لم يُستورد {n} تعليقاً على نص غير موجود في الملف.</numerusform>
            <numerusform>لم يُستورد {n} تعليق على نص غير موجود في الملف.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} annotations without a tag, an entity or a comment were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي تعليق بلا وسم ولا كيان ولا ملاحظة.</numerusform>
            <numerusform>لم يُستورد تعليق واحد بلا وسم ولا كيان ولا ملاحظة.</numerusform>
            <numerusform>لم يُستورد تعليقان بلا وسم ولا كيان ولا ملاحظة.</numerusform>
            <numerusform>لم تُستورد {n} تعليقات بلا وسم ولا كيان ولا ملاحظة.</numerusform>
            <numerusform>لم يُستورد {n} تعليقاً بلا وسم ولا كيان ولا ملاحظة.</numerusform>
            <numerusform>لم يُستورد {n} تعليق بلا وسم ولا كيان ولا ملاحظة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} tags without a place in the text (no selector) were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي وسم بلا موضع في النص (بلا محدِّد).</numerusform>
            <numerusform>لم يُستورد وسم واحد بلا موضع في النص (بلا محدِّد).</numerusform>
            <numerusform>لم يُستورد وسمان بلا موضع في النص (بلا محدِّد).</numerusform>
            <numerusform>لم تُستورد {n} وسوم بلا موضع في النص (بلا محدِّد).</numerusform>
            <numerusform>لم يُستورد {n} وسماً بلا موضع في النص (بلا محدِّد).</numerusform>
            <numerusform>لم يُستورد {n} وسم بلا موضع في النص (بلا محدِّد).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} items that are not annotations of a text were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي عنصر ليس تعليقاً على نص.</numerusform>
            <numerusform>لم يُستورد عنصر واحد ليس تعليقاً على نص.</numerusform>
            <numerusform>لم يُستورد عنصران ليسا تعليقين على نص.</numerusform>
            <numerusform>لم تُستورد {n} عناصر ليست تعليقات على نص.</numerusform>
            <numerusform>لم يُستورد {n} عنصراً ليس تعليقاً على نص.</numerusform>
            <numerusform>لم يُستورد {n} عنصر ليس تعليقاً على نص.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} claim assessments on tags whose label is not a claim label were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي تقييم ادعاء على وسم ليس تصنيفه تصنيف ادعاء.</numerusform>
            <numerusform>لم يُستورد تقييم ادعاء واحد على وسم ليس تصنيفه تصنيف ادعاء.</numerusform>
            <numerusform>لم يُستورد تقييمان لادعاءين على وسمين ليس تصنيفهما تصنيف ادعاء.</numerusform>
            <numerusform>لم تُستورد {n} تقييمات لادعاءات على وسوم ليس تصنيفها تصنيف ادعاء.</numerusform>
            <numerusform>لم يُستورد {n} تقييماً لادعاءات على وسم ليس تصنيفه تصنيف ادعاء.</numerusform>
            <numerusform>لم يُستورد {n} تقييم ادعاء على وسم ليس تصنيفه تصنيف ادعاء.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} annotations whose position (TextPositionSelector) and quote (TextQuoteSelector) disagree were placed where the quote is.</source>
        <translation>
            <numerusform>لم يتعارض موضع أي تعليق (TextPositionSelector) مع نصه المقتبس (TextQuoteSelector).</numerusform>
            <numerusform>وُضع تعليق واحد تعارض موضعه (TextPositionSelector) ونصه المقتبس (TextQuoteSelector) حيث يقع النص المقتبس.</numerusform>
            <numerusform>وُضع تعليقان تعارض موضعاهما (TextPositionSelector) ونصاهما المقتبسان (TextQuoteSelector) حيث يقع النص المقتبس.</numerusform>
            <numerusform>وُضعت {n} تعليقات تعارض موضعها (TextPositionSelector) ونصها المقتبس (TextQuoteSelector) حيث يقع النص المقتبس.</numerusform>
            <numerusform>وُضع {n} تعليقاً تعارض موضعه (TextPositionSelector) ونصه المقتبس (TextQuoteSelector) حيث يقع النص المقتبس.</numerusform>
            <numerusform>وُضع {n} تعليق تعارض موضعه (TextPositionSelector) ونصه المقتبس (TextQuoteSelector) حيث يقع النص المقتبس.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} annotations whose position (TextPositionSelector) is outside the text were placed by their quote (TextQuoteSelector).</source>
        <translation>
            <numerusform>لم يوضع أي تعليق بنصه المقتبس (TextQuoteSelector) لأن موضعه (TextPositionSelector) خارج النص.</numerusform>
            <numerusform>وُضع تعليق واحد بنصه المقتبس (TextQuoteSelector) لأن موضعه (TextPositionSelector) خارج النص.</numerusform>
            <numerusform>وُضع تعليقان بنصهما المقتبس (TextQuoteSelector) لأن موضعيهما (TextPositionSelector) خارج النص.</numerusform>
            <numerusform>وُضعت {n} تعليقات بنصها المقتبس (TextQuoteSelector) لأن مواضعها (TextPositionSelector) خارج النص.</numerusform>
            <numerusform>وُضع {n} تعليقاً بنصه المقتبس (TextQuoteSelector) لأن موضعه (TextPositionSelector) خارج النص.</numerusform>
            <numerusform>وُضع {n} تعليق بنصه المقتبس (TextQuoteSelector) لأن موضعه (TextPositionSelector) خارج النص.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} annotations placed only by a position (TextPositionSelector) that is not within their article&apos;s text were not imported: the first runs from {start} to {end} in an article of {length} characters.</source>
        <translation>
            <numerusform>لم يُستورد أي تعليق لا يحدد موضعه إلا موضع (TextPositionSelector) خارج نص مقاله: يمتد من {start} إلى {end} في مقال عدد أحرفه {length}.</numerusform>
            <numerusform>لم يُستورد تعليق واحد لا يحدد موضعه إلا موضع (TextPositionSelector) خارج نص مقاله: يمتد من {start} إلى {end} في مقال عدد أحرفه {length}.</numerusform>
            <numerusform>لم يُستورد تعليقان لا يحدد موضعهما إلا موضع (TextPositionSelector) خارج نص مقالهما: أولهما يمتد من {start} إلى {end} في مقال عدد أحرفه {length}.</numerusform>
            <numerusform>لم تُستورد {n} تعليقات لا يحدد موضعها إلا موضع (TextPositionSelector) خارج نص مقالها: أولها يمتد من {start} إلى {end} في مقال عدد أحرفه {length}.</numerusform>
            <numerusform>لم يُستورد {n} تعليقاً لا يحدد موضعه إلا موضع (TextPositionSelector) خارج نص مقاله: أولها يمتد من {start} إلى {end} في مقال عدد أحرفه {length}.</numerusform>
            <numerusform>لم يُستورد {n} تعليق لا يحدد موضعه إلا موضع (TextPositionSelector) خارج نص مقاله: أولها يمتد من {start} إلى {end} في مقال عدد أحرفه {length}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} PDF sources were not imported (Hamish imports their text only from text sources).</source>
        <translation>
            <numerusform>لم يُستورد أي مصدر PDF (يستورد هامش النص من المصادر النصية فقط).</numerusform>
            <numerusform>لم يُستورد مصدر PDF واحد (يستورد هامش النص من المصادر النصية فقط).</numerusform>
            <numerusform>لم يُستورد مصدرا PDF (يستورد هامش النص من المصادر النصية فقط).</numerusform>
            <numerusform>لم تُستورد {n} مصادر PDF (يستورد هامش النص من المصادر النصية فقط).</numerusform>
            <numerusform>لم يُستورد {n} مصدر PDF (يستورد هامش النص من المصادر النصية فقط).</numerusform>
            <numerusform>لم يُستورد {n} مصدر PDF (يستورد هامش النص من المصادر النصية فقط).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} picture sources were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مصدر صورة.</numerusform>
            <numerusform>لم يُستورد مصدر صورة واحد.</numerusform>
            <numerusform>لم يُستورد مصدرا صور.</numerusform>
            <numerusform>لم تُستورد {n} مصادر صور.</numerusform>
            <numerusform>لم يُستورد {n} مصدر صورة.</numerusform>
            <numerusform>لم يُستورد {n} مصدر صورة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} audio sources were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مصدر صوتي.</numerusform>
            <numerusform>لم يُستورد مصدر صوتي واحد.</numerusform>
            <numerusform>لم يُستورد مصدران صوتيان.</numerusform>
            <numerusform>لم تُستورد {n} مصادر صوتية.</numerusform>
            <numerusform>لم يُستورد {n} مصدراً صوتياً.</numerusform>
            <numerusform>لم يُستورد {n} مصدر صوتي.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} video sources were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مصدر فيديو.</numerusform>
            <numerusform>لم يُستورد مصدر فيديو واحد.</numerusform>
            <numerusform>لم يُستورد مصدرا فيديو.</numerusform>
            <numerusform>لم تُستورد {n} مصادر فيديو.</numerusform>
            <numerusform>لم يُستورد {n} مصدر فيديو.</numerusform>
            <numerusform>لم يُستورد {n} مصدر فيديو.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} sources whose text is outside the project file were not imported (Hamish never reads other files named in an imported one).</source>
        <translation>
            <numerusform>لم يُستورد أي مصدر نصه خارج ملف المشروع (لا يقرأ هامش أبداً ملفات أخرى يذكرها ملف مستورد).</numerusform>
            <numerusform>لم يُستورد مصدر واحد نصه خارج ملف المشروع (لا يقرأ هامش أبداً ملفات أخرى يذكرها ملف مستورد).</numerusform>
            <numerusform>لم يُستورد مصدران نصهما خارج ملف المشروع (لا يقرأ هامش أبداً ملفات أخرى يذكرها ملف مستورد).</numerusform>
            <numerusform>لم تُستورد {n} مصادر نصها خارج ملف المشروع (لا يقرأ هامش أبداً ملفات أخرى يذكرها ملف مستورد).</numerusform>
            <numerusform>لم يُستورد {n} مصدراً نصه خارج ملف المشروع (لا يقرأ هامش أبداً ملفات أخرى يذكرها ملف مستورد).</numerusform>
            <numerusform>لم يُستورد {n} مصدر نصه خارج ملف المشروع (لا يقرأ هامش أبداً ملفات أخرى يذكرها ملف مستورد).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} sources whose text is missing from the file were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مصدر نصه مفقود من الملف.</numerusform>
            <numerusform>لم يُستورد مصدر واحد نصه مفقود من الملف.</numerusform>
            <numerusform>لم يُستورد مصدران نصهما مفقود من الملف.</numerusform>
            <numerusform>لم تُستورد {n} مصادر نصها مفقود من الملف.</numerusform>
            <numerusform>لم يُستورد {n} مصدراً نصه مفقود من الملف.</numerusform>
            <numerusform>لم يُستورد {n} مصدر نصه مفقود من الملف.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} sources whose text is not UTF-8 were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مصدر نصه ليس بترميز UTF-8.</numerusform>
            <numerusform>لم يُستورد مصدر واحد نصه ليس بترميز UTF-8.</numerusform>
            <numerusform>لم يُستورد مصدران نصهما ليس بترميز UTF-8.</numerusform>
            <numerusform>لم تُستورد {n} مصادر نصها ليس بترميز UTF-8.</numerusform>
            <numerusform>لم يُستورد {n} مصدراً نصه ليس بترميز UTF-8.</numerusform>
            <numerusform>لم يُستورد {n} مصدر نصه ليس بترميز UTF-8.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} sources without text were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مصدر بلا نص.</numerusform>
            <numerusform>لم يُستورد مصدر واحد بلا نص.</numerusform>
            <numerusform>لم يُستورد مصدران بلا نص.</numerusform>
            <numerusform>لم تُستورد {n} مصادر بلا نص.</numerusform>
            <numerusform>لم يُستورد {n} مصدراً بلا نص.</numerusform>
            <numerusform>لم يُستورد {n} مصدر بلا نص.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} sources longer than Hamish imports were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مصدر أطول مما يستورده هامش.</numerusform>
            <numerusform>لم يُستورد مصدر واحد أطول مما يستورده هامش.</numerusform>
            <numerusform>لم يُستورد مصدران أطول مما يستورده هامش.</numerusform>
            <numerusform>لم تُستورد {n} مصادر أطول مما يستورده هامش.</numerusform>
            <numerusform>لم يُستورد {n} مصدراً أطول مما يستورده هامش.</numerusform>
            <numerusform>لم يُستورد {n} مصدر أطول مما يستورده هامش.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} selections without valid positions were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مقطع محدد بلا مواضع صالحة.</numerusform>
            <numerusform>لم يُستورد مقطع محدد واحد بلا مواضع صالحة.</numerusform>
            <numerusform>لم يُستورد مقطعان محددان بلا مواضع صالحة.</numerusform>
            <numerusform>لم تُستورد {n} مقاطع محددة بلا مواضع صالحة.</numerusform>
            <numerusform>لم يُستورد {n} مقطعاً محدداً بلا مواضع صالحة.</numerusform>
            <numerusform>لم يُستورد {n} مقطع محدد بلا مواضع صالحة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} selections outside their source&apos;s text were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مقطع محدد يقع خارج نص مصدره.</numerusform>
            <numerusform>لم يُستورد مقطع محدد واحد يقع خارج نص مصدره.</numerusform>
            <numerusform>لم يُستورد مقطعان محددان يقعان خارج نص مصدرهما.</numerusform>
            <numerusform>لم تُستورد {n} مقاطع محددة تقع خارج نص مصدرها.</numerusform>
            <numerusform>لم يُستورد {n} مقطعاً محدداً يقع خارج نص مصدره.</numerusform>
            <numerusform>لم يُستورد {n} مقطع محدد يقع خارج نص مصدره.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} selections without a code or a note were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مقطع محدد بلا رمز ولا ملاحظة.</numerusform>
            <numerusform>لم يُستورد مقطع محدد واحد بلا رمز ولا ملاحظة.</numerusform>
            <numerusform>لم يُستورد مقطعان محددان بلا رمز ولا ملاحظة.</numerusform>
            <numerusform>لم تُستورد {n} مقاطع محددة بلا رمز ولا ملاحظة.</numerusform>
            <numerusform>لم يُستورد {n} مقطعاً محدداً بلا رمز ولا ملاحظة.</numerusform>
            <numerusform>لم يُستورد {n} مقطع محدد بلا رمز ولا ملاحظة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} codings of codes missing from the codebook were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي ترميز برموز غير موجودة في دليل الرموز.</numerusform>
            <numerusform>لم يُستورد ترميز واحد برموز غير موجودة في دليل الرموز.</numerusform>
            <numerusform>لم يُستورد ترميزان برموز غير موجودة في دليل الرموز.</numerusform>
            <numerusform>لم تُستورد {n} ترميزات برموز غير موجودة في دليل الرموز.</numerusform>
            <numerusform>لم يُستورد {n} ترميزاً برموز غير موجودة في دليل الرموز.</numerusform>
            <numerusform>لم يُستورد {n} ترميز برموز غير موجودة في دليل الرموز.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} codings of whole sources were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي ترميز لمصادر كاملة.</numerusform>
            <numerusform>لم يُستورد ترميز واحد لمصادر كاملة.</numerusform>
            <numerusform>لم يُستورد ترميزان لمصادر كاملة.</numerusform>
            <numerusform>لم تُستورد {n} ترميزات لمصادر كاملة.</numerusform>
            <numerusform>لم يُستورد {n} ترميزاً لمصادر كاملة.</numerusform>
            <numerusform>لم يُستورد {n} ترميز لمصادر كاملة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} references to missing notes were ignored.</source>
        <translation>
            <numerusform>أُهملت أي إحالة إلى ملاحظات مفقودة.</numerusform>
            <numerusform>أُهملت إحالة واحدة إلى ملاحظات مفقودة.</numerusform>
            <numerusform>أُهملت إحالتان إلى ملاحظات مفقودة.</numerusform>
            <numerusform>أُهملت {n} إحالات إلى ملاحظات مفقودة.</numerusform>
            <numerusform>أُهملت {n} إحالةً إلى ملاحظات مفقودة.</numerusform>
            <numerusform>أُهملت {n} إحالة إلى ملاحظات مفقودة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} variable values of sources were not imported.</source>
        <translation>
            <numerusform>لم تُستورد أي قيمة متغير للمصادر.</numerusform>
            <numerusform>لم تُستورد قيمة متغير واحدة للمصادر.</numerusform>
            <numerusform>لم تُستورد قيمتا متغير للمصادر.</numerusform>
            <numerusform>لم تُستورد {n} قيم متغيرات للمصادر.</numerusform>
            <numerusform>لم تُستورد {n} قيمةَ متغير للمصادر.</numerusform>
            <numerusform>لم تُستورد {n} قيمة متغير للمصادر.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} variables were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي متغير.</numerusform>
            <numerusform>لم يُستورد متغير واحد.</numerusform>
            <numerusform>لم يُستورد متغيران.</numerusform>
            <numerusform>لم تُستورد {n} متغيرات.</numerusform>
            <numerusform>لم يُستورد {n} متغيراً.</numerusform>
            <numerusform>لم يُستورد {n} متغير.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} cases were not imported.</source>
        <translation>
            <numerusform>لم تُستورد أي حالة.</numerusform>
            <numerusform>لم تُستورد حالة واحدة.</numerusform>
            <numerusform>لم تُستورد حالتان.</numerusform>
            <numerusform>لم تُستورد {n} حالات.</numerusform>
            <numerusform>لم تُستورد {n} حالةً.</numerusform>
            <numerusform>لم تُستورد {n} حالة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} sets were not imported.</source>
        <translation>
            <numerusform>لم تُستورد أي مجموعة.</numerusform>
            <numerusform>لم تُستورد مجموعة واحدة.</numerusform>
            <numerusform>لم تُستورد مجموعتان.</numerusform>
            <numerusform>لم تُستورد {n} مجموعات.</numerusform>
            <numerusform>لم تُستورد {n} مجموعةً.</numerusform>
            <numerusform>لم تُستورد {n} مجموعة.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} links were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي رابط.</numerusform>
            <numerusform>لم يُستورد رابط واحد.</numerusform>
            <numerusform>لم يُستورد رابطان.</numerusform>
            <numerusform>لم تُستورد {n} روابط.</numerusform>
            <numerusform>لم يُستورد {n} رابطاً.</numerusform>
            <numerusform>لم يُستورد {n} رابط.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} graphs were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مخطط.</numerusform>
            <numerusform>لم يُستورد مخطط واحد.</numerusform>
            <numerusform>لم يُستورد مخططان.</numerusform>
            <numerusform>لم تُستورد {n} مخططات.</numerusform>
            <numerusform>لم يُستورد {n} مخططاً.</numerusform>
            <numerusform>لم يُستورد {n} مخطط.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} selections that cover no text were not imported.</source>
        <translation>
            <numerusform>لم يُستورد أي مقطع محدد لا يغطي أي نص.</numerusform>
            <numerusform>لم يُستورد مقطع محدد واحد لا يغطي أي نص.</numerusform>
            <numerusform>لم يُستورد مقطعان محددان لا يغطيان أي نص.</numerusform>
            <numerusform>لم تُستورد {n} مقاطع محددة لا تغطي أي نص.</numerusform>
            <numerusform>لم يُستورد {n} مقطعاً محدداً لا يغطي أي نص.</numerusform>
            <numerusform>لم يُستورد {n} مقطع محدد لا يغطي أي نص.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} annotations that lost their place in the text were left out.</source>
        <translation>
            <numerusform>استُبعد أي تعليق فقد موضعه في النص.</numerusform>
            <numerusform>استُبعد تعليق واحد فقد موضعه في النص.</numerusform>
            <numerusform>استُبعد تعليقان فقدا موضعهما في النص.</numerusform>
            <numerusform>استُبعدت {n} تعليقات فقدت موضعها في النص.</numerusform>
            <numerusform>استُبعد {n} تعليقاً فقد موضعه في النص.</numerusform>
            <numerusform>استُبعد {n} تعليق فقد موضعه في النص.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} decisions on suggestions were left out (REFI-QDA has no place for them).</source>
        <translation>
            <numerusform>استُبعد أي قرار بشأن اقتراح (لا مكان لها في REFI-QDA).</numerusform>
            <numerusform>استُبعد قرار بشأن اقتراح واحد (لا مكان لها في REFI-QDA).</numerusform>
            <numerusform>استُبعد قراران بشأن اقتراحات (لا مكان لها في REFI-QDA).</numerusform>
            <numerusform>استُبعدت {n} قرارات بشأن اقتراحات (لا مكان لها في REFI-QDA).</numerusform>
            <numerusform>استُبعد {n} قراراً بشأن اقتراحات (لا مكان لها في REFI-QDA).</numerusform>
            <numerusform>استُبعد {n} قرار بشأن اقتراح (لا مكان لها في REFI-QDA).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{n} decisions on suggestions were left out (the Web Annotation model has no place for them).</source>
        <translation>
            <numerusform>استُبعد أي قرار بشأن اقتراح (لا مكان لها في نموذج Web Annotation).</numerusform>
            <numerusform>استُبعد قرار بشأن اقتراح واحد (لا مكان لها في نموذج Web Annotation).</numerusform>
            <numerusform>استُبعد قراران بشأن اقتراحات (لا مكان لها في نموذج Web Annotation).</numerusform>
            <numerusform>استُبعدت {n} قرارات بشأن اقتراحات (لا مكان لها في نموذج Web Annotation).</numerusform>
            <numerusform>استُبعد {n} قراراً بشأن اقتراحات (لا مكان لها في نموذج Web Annotation).</numerusform>
            <numerusform>استُبعد {n} قرار بشأن اقتراح (لا مكان لها في نموذج Web Annotation).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counts</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالان</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالاً</numerusform>
            <numerusform>%n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>لا تعليقات</numerusform>
            <numerusform>تعليق واحد</numerusform>
            <numerusform>تعليقان</numerusform>
            <numerusform>%n تعليقات</numerusform>
            <numerusform>%n تعليقاً</numerusform>
            <numerusform>%n تعليق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>لا ادعاءات</numerusform>
            <numerusform>ادعاء واحد</numerusform>
            <numerusform>ادعاءان</numerusform>
            <numerusform>%n ادعاءات</numerusform>
            <numerusform>%n ادعاءً</numerusform>
            <numerusform>%n ادعاء</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>لا تطابقات</numerusform>
            <numerusform>تطابق واحد</numerusform>
            <numerusform>تطابقان</numerusform>
            <numerusform>%n تطابقات</numerusform>
            <numerusform>%n تطابقاً</numerusform>
            <numerusform>%n تطابق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>لا كيانات</numerusform>
            <numerusform>كيان واحد</numerusform>
            <numerusform>كيانان</numerusform>
            <numerusform>%n كيانات</numerusform>
            <numerusform>%n كياناً</numerusform>
            <numerusform>%n كيان</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n link(s)</source>
        <translation>
            <numerusform>لا روابط</numerusform>
            <numerusform>رابط واحد</numerusform>
            <numerusform>رابطان</numerusform>
            <numerusform>%n روابط</numerusform>
            <numerusform>%n رابطاً</numerusform>
            <numerusform>%n رابط</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lane(s)</source>
        <translation>
            <numerusform>لا مسارات</numerusform>
            <numerusform>مسار واحد</numerusform>
            <numerusform>مساران</numerusform>
            <numerusform>%n مسارات</numerusform>
            <numerusform>%n مساراً</numerusform>
            <numerusform>%n مسار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>لا إشارات</numerusform>
            <numerusform>إشارة واحدة</numerusform>
            <numerusform>إشارتان</numerusform>
            <numerusform>%n إشارات</numerusform>
            <numerusform>%n إشارةً</numerusform>
            <numerusform>%n إشارة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n imported</source>
        <translation>
            <numerusform>لم يُستورد شيء</numerusform>
            <numerusform>استُورد ملف واحد</numerusform>
            <numerusform>استُورد ملفان</numerusform>
            <numerusform>استُوردت %n ملفات</numerusform>
            <numerusform>استُورد %n ملفاً</numerusform>
            <numerusform>استُورد %n ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>لم يُتخطَّ شيء</numerusform>
            <numerusform>تُخطّي ملف واحد</numerusform>
            <numerusform>تُخطّي ملفان</numerusform>
            <numerusform>تُخطّيت %n ملفات</numerusform>
            <numerusform>تُخطّي %n ملفاً</numerusform>
            <numerusform>تُخطّي %n ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>لم يفشل شيء</numerusform>
            <numerusform>فشل ملف واحد</numerusform>
            <numerusform>فشل ملفان</numerusform>
            <numerusform>فشلت %n ملفات</numerusform>
            <numerusform>فشل %n ملفاً</numerusform>
            <numerusform>فشل %n ملف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>cancelled after {done} of %n file(s)</source>
        <translation>
            <numerusform>أُلغي بعد {done} من الملفات</numerusform>
            <numerusform>أُلغي بعد {done} من ملف واحد</numerusform>
            <numerusform>أُلغي بعد {done} من ملفين</numerusform>
            <numerusform>أُلغي بعد {done} من %n ملفات</numerusform>
            <numerusform>أُلغي بعد {done} من %n ملفاً</numerusform>
            <numerusform>أُلغي بعد {done} من %n ملف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditCommand</name>
    <message>
        <source>Unexpected error: {error}. Nothing was changed.</source>
        <translation>خطأ غير متوقع: {error}. لم يتغير شيء.</translation>
    </message>
    <message>
        <source>Cannot save the change</source>
        <translation>تعذّر حفظ التغيير</translation>
    </message>
    <message>
        <source>Not everything came back</source>
        <translation>لم يعد كل شيء</translation>
    </message>
</context>
<context>
    <name>EditNames</name>
    <message>
        <source>Re-anchor annotations</source>
        <translation>إعادة تثبيت التعليقات</translation>
    </message>
    <message>
        <source>Tag “{quote}” as {label}</source>
        <translation>وسم «{quote}» بوسم {label}</translation>
    </message>
    <message numerus="yes">
        <source>Tag %n passage(s)</source>
        <translation>
            <numerusform>وسم المقاطع</numerusform>
            <numerusform>وسم مقطع واحد</numerusform>
            <numerusform>وسم مقطعين</numerusform>
            <numerusform>وسم %n مقاطع</numerusform>
            <numerusform>وسم %n مقطعاً</numerusform>
            <numerusform>وسم %n مقطع</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete “{quote}”</source>
        <translation>حذف «{quote}»</translation>
    </message>
    <message>
        <source>Change “{quote}” to {label}</source>
        <translation>تغيير وسم «{quote}» إلى {label}</translation>
    </message>
    <message>
        <source>Edit note on “{quote}”</source>
        <translation>تحرير الملاحظة على «{quote}»</translation>
    </message>
    <message numerus="yes">
        <source>Reject %n suggestion(s)</source>
        <translation>
            <numerusform>رفض الاقتراحات</numerusform>
            <numerusform>رفض اقتراح واحد</numerusform>
            <numerusform>رفض اقتراحين</numerusform>
            <numerusform>رفض %n اقتراحات</numerusform>
            <numerusform>رفض %n اقتراحاً</numerusform>
            <numerusform>رفض %n اقتراح</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reject %n mention(s)</source>
        <translation>
            <numerusform>رفض الإشارات</numerusform>
            <numerusform>رفض إشارة واحدة</numerusform>
            <numerusform>رفض إشارتين</numerusform>
            <numerusform>رفض %n إشارات</numerusform>
            <numerusform>رفض %n إشارةً</numerusform>
            <numerusform>رفض %n إشارة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n article(s)</source>
        <translation>
            <numerusform>استيراد المقالات</numerusform>
            <numerusform>استيراد مقال واحد</numerusform>
            <numerusform>استيراد مقالين</numerusform>
            <numerusform>استيراد %n مقالات</numerusform>
            <numerusform>استيراد %n مقالاً</numerusform>
            <numerusform>استيراد %n مقال</numerusform>
        </translation>
    </message>
    <message>
        <source>New article “{title}”</source>
        <translation>مقال جديد «{title}»</translation>
    </message>
    <message>
        <source>Delete article “{title}”</source>
        <translation>حذف المقال «{title}»</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n article(s)</source>
        <translation>
            <numerusform>حذف المقالات</numerusform>
            <numerusform>حذف مقال واحد</numerusform>
            <numerusform>حذف مقالين</numerusform>
            <numerusform>حذف %n مقالات</numerusform>
            <numerusform>حذف %n مقالاً</numerusform>
            <numerusform>حذف %n مقال</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit metadata of “{title}”</source>
        <translation>تحرير البيانات الوصفية لـ«{title}»</translation>
    </message>
    <message>
        <source>Edit claim</source>
        <translation>تحرير الادعاء</translation>
    </message>
    <message>
        <source>Link claims ({kind})</source>
        <translation>ربط الادعاءات ({kind})</translation>
    </message>
    <message>
        <source>Remove claim link</source>
        <translation>إزالة رابط بين ادعاءين</translation>
    </message>
    <message>
        <source>Link “{quote}” to an entity</source>
        <translation>ربط «{quote}» بكيان</translation>
    </message>
    <message>
        <source>Edit entity {name}</source>
        <translation>تحرير الكيان {name}</translation>
    </message>
    <message>
        <source>Delete entity {name}</source>
        <translation>حذف الكيان {name}</translation>
    </message>
    <message>
        <source>Add aliases to {name}</source>
        <translation>إضافة أسماء بديلة إلى {name}</translation>
    </message>
    <message>
        <source>Merge {remove} into {keep}</source>
        <translation>دمج {remove} في {keep}</translation>
    </message>
    <message>
        <source>Add label {label}</source>
        <translation>إضافة الوسم {label}</translation>
    </message>
    <message>
        <source>Edit label {label}</source>
        <translation>تحرير الوسم {label}</translation>
    </message>
    <message>
        <source>Remove label {label}</source>
        <translation>حذف الوسم {label}</translation>
    </message>
</context>
<context>
    <name>EntitiesController</name>
    <message>
        <source>Place the cursor on an annotation first.</source>
        <translation>ضع المؤشر على تعليق أولاً.</translation>
    </message>
    <message>
        <source>Cannot link the entity</source>
        <translation>تعذّر ربط الكيان</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>الكيان</translation>
    </message>
    <message>
        <source>Cannot save the entity</source>
        <translation>تعذّر حفظ الكيان</translation>
    </message>
    <message>
        <source>Cannot add the alias</source>
        <translation>تعذّرت إضافة الاسم البديل</translation>
    </message>
    <message>
        <source>Cannot delete the entity</source>
        <translation>تعذّر حذف الكيان</translation>
    </message>
    <message>
        <source>Merge “{name}” into…</source>
        <translation>دمج «{name}» في…</translation>
    </message>
    <message>
        <source>Cannot merge</source>
        <translation>تعذّر الدمج</translation>
    </message>
</context>
<context>
    <name>EntitiesPanel</name>
    <message>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>كل الأنواع</translation>
    </message>
    <message>
        <source>Unmentioned</source>
        <translation>بلا ذكر</translation>
    </message>
    <message>
        <source>Filter entities…</source>
        <translation>تصفية الكيانات…</translation>
    </message>
    <message>
        <source>Open Entity Page…</source>
        <translation>فتح صفحة الكيان…</translation>
    </message>
    <message>
        <source>Find All Mentions…</source>
        <translation>العثور على كل الإشارات…</translation>
    </message>
    <message>
        <source>Merge Into…</source>
        <translation>دمج في…</translation>
    </message>
    <message>
        <source>Delete Entity</source>
        <translation>حذف الكيان</translation>
    </message>
    <message>
        <source>Nothing mentions it: delete it (Undo brings it back)</source>
        <translation>لا شيء يشير إليه: احذفه (التراجع يعيده)</translation>
    </message>
</context>
<context>
    <name>EntityModel</name>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>الإشارات</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>المقالات</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>لا إشارات</numerusform>
            <numerusform>إشارة واحدة</numerusform>
            <numerusform>إشارتان</numerusform>
            <numerusform>%n إشارات</numerusform>
            <numerusform>%n إشارةً</numerusform>
            <numerusform>%n إشارة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالان</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالاً</numerusform>
            <numerusform>%n مقال</numerusform>
        </translation>
    </message>
    <message>
        <source>Aliases: {aliases}</source>
        <translation>أسماء أخرى: {aliases}</translation>
    </message>
</context>
<context>
    <name>EntityPage</name>
    <message>
        <source>Entity — {name}</source>
        <translation>الكيان — {name}</translation>
    </message>
    <message>
        <source>One alias per line: Arabic spellings, Latin names…</source>
        <translation>اسم بديل في كل سطر: تهجئات عربية، أسماء بالحروف اللاتينية…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Aliases</source>
        <translation>أسماء أخرى</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message numerus="yes">
        <source>%n mention(s)</source>
        <translation>
            <numerusform>لا إشارات</numerusform>
            <numerusform>إشارة واحدة</numerusform>
            <numerusform>إشارتان</numerusform>
            <numerusform>%n إشارات</numerusform>
            <numerusform>%n إشارةً</numerusform>
            <numerusform>%n إشارة</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالان</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالاً</numerusform>
            <numerusform>%n مقال</numerusform>
        </translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Mention in context</source>
        <translation>الإشارة في سياقها</translation>
    </message>
    <message>
        <source>An entity needs a name.</source>
        <translation>يحتاج الكيان إلى اسم.</translation>
    </message>
    <message>
        <source>An entity&apos;s name cannot be only invisible characters (spaces, direction marks, joiners).</source>
        <translation>لا يكون اسم الكيان محارف غير مرئية فقط (مسافات وعلامات اتجاه ووصلات).</translation>
    </message>
</context>
<context>
    <name>EntityPicker</name>
    <message>
        <source>Link to Entity</source>
        <translation>ربط بكيان</translation>
    </message>
    <message>
        <source>Name or alias…</source>
        <translation>الاسم أو اسم بديل…</translation>
    </message>
    <message>
        <source>Type of the new entity:</source>
        <translation>نوع الكيان الجديد:</translation>
    </message>
    <message>
        <source>New entity “{name}”</source>
        <translation>كيان جديد «{name}»</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The title cannot be empty.</source>
        <translation>لا يمكن أن يكون العنوان فارغاً.</translation>
    </message>
    <message>
        <source>Hamish cannot make its default project in {path}: {reason}. Open a project of your own (hamish --project PATH).</source>
        <translation>تعذّر على هامش إنشاء مشروعه الافتراضي في {path}: {reason}. افتح مشروعاً خاصاً بك (hamish --project PATH).</translation>
    </message>
    <message>
        <source>The URL must be a full address such as https://example.com/article.</source>
        <translation>يجب أن يكون الرابط عنواناً كاملاً مثل https://example.com/article.</translation>
    </message>
    <message>
        <source>The date must be a real date written YYYY-MM-DD, or empty.</source>
        <translation>يجب أن يكون التاريخ تاريخاً صحيحاً بصيغة سنة-شهر-يوم (YYYY-MM-DD)، أو فارغاً.</translation>
    </message>
    <message>
        <source>The language must be a code such as ar, en or und.</source>
        <translation>يجب أن تكون اللغة رمزاً مثل ar أو en أو und.</translation>
    </message>
    <message>
        <source>The direction must be right-to-left or left-to-right.</source>
        <translation>يجب أن يكون الاتجاه من اليمين إلى اليسار أو من اليسار إلى اليمين.</translation>
    </message>
    <message>
        <source>A link is supports, contradicts or repeats.</source>
        <translation>الرابط إما «يدعم» أو «يناقض» أو «يكرر».</translation>
    </message>
    <message>
        <source>A claim cannot be linked to itself.</source>
        <translation>لا يمكن ربط ادعاء بنفسه.</translation>
    </message>
    <message>
        <source>These claims are already linked that way.</source>
        <translation>هذان الادعاءان مرتبطان بهذا الشكل من قبل.</translation>
    </message>
    <message>
        <source>An annotation must cover at least one character.</source>
        <translation>يجب أن يشمل التعليق حرفاً واحداً على الأقل.</translation>
    </message>
    <message>
        <source>Choose another label to move the annotations to.</source>
        <translation>اختر وسماً آخر لنقل التعليقات إليه.</translation>
    </message>
    <message>
        <source>An entity needs a name.</source>
        <translation>يحتاج الكيان إلى اسم.</translation>
    </message>
    <message>
        <source>This entity still has mentions or claims: merge it into another, or delete its mentions first.</source>
        <translation>لهذا الكيان إشارات أو ادعاءات بعد: ادمجه في كيان آخر، أو احذف إشاراته أولاً.</translation>
    </message>
    <message>
        <source>An entity&apos;s name cannot be only invisible characters (spaces, direction marks, joiners).</source>
        <translation>لا يكون اسم الكيان محارف غير مرئية فقط (مسافات وعلامات اتجاه ووصلات).</translation>
    </message>
    <message>
        <source>Choose two different entities to merge.</source>
        <translation>اختر كيانين مختلفين لدمجهما.</translation>
    </message>
    <message>
        <source>A filter needs a label, an entity or a claim status.</source>
        <translation>تحتاج التصفية إلى وسم أو كيان أو حالة ادعاء.</translation>
    </message>
    <message>
        <source>A label needs a name.</source>
        <translation>يحتاج الوسم إلى اسم.</translation>
    </message>
    <message>
        <source>The claim&apos;s date {detail}.</source>
        <translation>تاريخ الادعاء: {detail}.</translation>
    </message>
    <message>
        <source>The claim&apos;s date must be written YYYY-MM-DD, YYYY-MM or YYYY.</source>
        <translation>يُكتب تاريخ الادعاء بالصيغة YYYY-MM-DD أو YYYY-MM أو YYYY.</translation>
    </message>
    <message>
        <source>The claim&apos;s summary {detail}.</source>
        <translation>ملخص الادعاء: {detail}.</translation>
    </message>
    <message>
        <source>The entity&apos;s name {detail}.</source>
        <translation>اسم الكيان: {detail}.</translation>
    </message>
    <message>
        <source>The entity&apos;s description {detail}.</source>
        <translation>وصف الكيان: {detail}.</translation>
    </message>
    <message>
        <source>The entity&apos;s notes {detail}.</source>
        <translation>ملاحظات الكيان: {detail}.</translation>
    </message>
    <message>
        <source>An alias {detail}.</source>
        <translation>اسم آخر: {detail}.</translation>
    </message>
    <message>
        <source>The label&apos;s name {detail}.</source>
        <translation>اسم الوسم: {detail}.</translation>
    </message>
    <message>
        <source>The label&apos;s colour {detail}.</source>
        <translation>لون الوسم: {detail}.</translation>
    </message>
    <message>
        <source>The entity for “{quote}” was merged into another or deleted meanwhile; nothing was tagged. Tag it again.</source>
        <translation>دُمج كيان «{quote}» في كيان آخر أو حُذف في الأثناء؛ لم يُوسَم شيء. وسِمه من جديد.</translation>
    </message>
    <message>
        <source>The selection is outside the article.</source>
        <translation>التحديد خارج المقال.</translation>
    </message>
    <message>
        <source>Select a passage first, then choose a label.</source>
        <translation>حدّد مقطعاً أولاً، ثم اختر وسماً.</translation>
    </message>
    <message>
        <source>The selection holds only white space; select some words.</source>
        <translation>لا يحوي التحديد إلا مسافات؛ حدّد بعض الكلمات.</translation>
    </message>
    <message>
        <source>The article no longer exists in this project.</source>
        <translation>لم يعد المقال موجوداً في هذا المشروع.</translation>
    </message>
    <message>
        <source>Stance must be asserts or denies.</source>
        <translation>يجب أن يكون الموقف «يؤكد» أو «ينفي».</translation>
    </message>
    <message>
        <source>Status must be unverified, corroborated, contested or refuted.</source>
        <translation>يجب أن تكون الحالة «غير متحقَّق منه» أو «مُثبَت» أو «موضع خلاف» أو «مدحوض».</translation>
    </message>
    <message>
        <source>Source reliability is a letter A–F.</source>
        <translation>موثوقية المصدر حرف من A إلى F.</translation>
    </message>
    <message>
        <source>Credibility is a number 1–6.</source>
        <translation>المصداقية رقم من 1 إلى 6.</translation>
    </message>
    <message>
        <source>Unknown entity type {value}.</source>
        <translation>نوع كيان غير معروف: {value}.</translation>
    </message>
    <message>
        <source>The same text is already in the project (document {id}).</source>
        <translation>النص نفسه موجود في المشروع من قبل (المقال {id}).</translation>
    </message>
    <message>
        <source>“{title}” cannot be brought back: an article with the same text was imported after it was deleted.</source>
        <translation>لا يمكن إرجاع «{title}»: استُورد بعد حذفه مقال بالنص نفسه.</translation>
    </message>
    <message>
        <source>This import is too large to be undone as one step; delete its articles in the library to remove them.</source>
        <translation>هذا الاستيراد أكبر من أن يُتراجع عنه في خطوة واحدة؛ احذف مقالاته من المكتبة لإزالتها.</translation>
    </message>
    <message>
        <source>There is no document {id} in this project.</source>
        <translation>لا يوجد مقال رقمه {id} في هذا المشروع.</translation>
    </message>
    <message>
        <source>There is no annotation {id} in this project.</source>
        <translation>لا يوجد تعليق رقمه {id} في هذا المشروع.</translation>
    </message>
    <message>
        <source>There is no claim {id} in this project.</source>
        <translation>لا يوجد ادعاء رقمه {id} في هذا المشروع.</translation>
    </message>
    <message>
        <source>There is no claim link {id}.</source>
        <translation>لا يوجد رابط ادعاءات رقمه {id}.</translation>
    </message>
    <message>
        <source>There is no entity {id} in this project.</source>
        <translation>لا يوجد كيان رقمه {id} في هذا المشروع.</translation>
    </message>
    <message>
        <source>There is no label {id} in this project.</source>
        <translation>لا يوجد وسم رقمه {id} في هذا المشروع.</translation>
    </message>
    <message>
        <source>There is no document {ids} in this project; nothing was exported.</source>
        <translation>لا يوجد مقال رقمه {ids} في هذا المشروع؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>There is no documents {ids} in this project; nothing was exported.</source>
        <translation>لا توجد مقالات أرقامها {ids} في هذا المشروع؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>A quotation mark is not closed: put a &quot; after the phrase, or remove it.</source>
        <translation>علامة تنصيص غير مغلقة: ضع &quot; بعد العبارة، أو احذفها.</translation>
    </message>
    <message>
        <source>A closing parenthesis has no opening one: remove the extra &apos;)&apos;.</source>
        <translation>قوس إغلاق بلا قوس فتح: احذف &apos;)&apos; الزائد.</translation>
    </message>
    <message>
        <source>{word} must be followed by a word, a phrase or a parenthesis.</source>
        <translation>يجب أن تتبع {word} كلمةٌ أو عبارة أو قوس.</translation>
    </message>
    <message>
        <source>{word} cannot be followed by {next}.</source>
        <translation>لا يمكن أن تأتي {next} بعد {word}.</translation>
    </message>
    <message>
        <source>NOT needs a word before it: write what to find, then NOT and what to leave out (كيري NOT لافروف).</source>
        <translation>تحتاج NOT إلى كلمة قبلها: اكتب ما تبحث عنه، ثم NOT وما تريد استبعاده (كيري NOT لافروف).</translation>
    </message>
    <message>
        <source>{word} needs a word on each side.</source>
        <translation>تحتاج {word} إلى كلمة على كل جانب.</translation>
    </message>
    <message>
        <source>Empty parentheses, or a &apos;)&apos; without &apos;(&apos;: put words inside them.</source>
        <translation>قوسان فارغان، أو &apos;)&apos; بلا &apos;(&apos;: ضع كلمات بينهما.</translation>
    </message>
    <message>
        <source>Empty parentheses: put words inside them, or remove them.</source>
        <translation>قوسان فارغان: ضع كلمات بينهما، أو احذفهما.</translation>
    </message>
    <message>
        <source>The search is too long: keep it under 2,000 characters.</source>
        <translation>البحث طويل جداً: اجعله أقل من 2,000 حرف.</translation>
    </message>
    <message>
        <source>A parenthesis is not closed: add the missing &apos;)&apos;.</source>
        <translation>قوس غير مغلق: أضف &apos;)&apos; الناقص.</translation>
    </message>
    <message>
        <source>The search has no words: type a word or a phrase.</source>
        <translation>لا كلمات في البحث: اكتب كلمة أو عبارة.</translation>
    </message>
    <message>
        <source>Unknown claim status {value}: use one of {values}.</source>
        <translation>حالة ادعاء غير معروفة {value}: استخدم إحدى هذه: {values}.</translation>
    </message>
    <message>
        <source>{value} is not a date: write it as YYYY-MM-DD.</source>
        <translation>{value} ليس تاريخاً: اكتبه بصيغة سنة-شهر-يوم (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>The search index is damaged ({detail}).</source>
        <translation>فهرس البحث تالف ({detail}).</translation>
    </message>
    <message>
        <source>The search could not be run ({detail}).</source>
        <translation>تعذّر تنفيذ البحث ({detail}).</translation>
    </message>
    <message>
        <source>The disk is full or failing; nothing from this action was saved. Free some space and try again.</source>
        <translation>القرص ممتلئ أو معطوب؛ لم يُحفظ شيء من هذا الإجراء. وفّر بعض المساحة وحاول مجدداً.</translation>
    </message>
    <message>
        <source>The project file is read-only; nothing was saved. Check the file&apos;s permissions.</source>
        <translation>ملف المشروع للقراءة فقط؛ لم يُحفظ شيء. تحقّق من أذونات الملف.</translation>
    </message>
    <message>
        <source>The project is busy in another program; nothing was saved. Try again in a moment.</source>
        <translation>المشروع مشغول في برنامج آخر؛ لم يُحفظ شيء. حاول مجدداً بعد لحظة.</translation>
    </message>
    <message>
        <source>The project file is damaged (SQLite says: database disk image is malformed).</source>
        <translation>ملف المشروع تالف (تقول SQLite: ‏database disk image is malformed).</translation>
    </message>
    <message>
        <source>The project database reported an error: {detail}</source>
        <translation>أبلغت قاعدة بيانات المشروع عن خطأ: {detail}</translation>
    </message>
    <message>
        <source>Cannot read {path}: {detail}.</source>
        <translation>تعذّرت قراءة {path}: {detail}.</translation>
    </message>
    <message>
        <source>{path} is not a Hamish project (it is not a SQLite database).</source>
        <translation>{path} ليس مشروع هامش (ليس قاعدة بيانات SQLite).</translation>
    </message>
    <message>
        <source>{path} cannot be opened as a Hamish project: {detail}.</source>
        <translation>تعذّر فتح {path} بوصفه مشروع هامش: {detail}.</translation>
    </message>
    <message>
        <source>{path} is a SQLite database, but not a Hamish project.</source>
        <translation>{path} قاعدة بيانات SQLite، لكنه ليس مشروع هامش.</translation>
    </message>
    <message>
        <source>{path} was saved by a newer version of Hamish (project format {version}; this version reads up to {latest}). Update Hamish to open it; the file was not changed.</source>
        <translation>حُفظ {path} بإصدار أحدث من هامش (صيغة المشروع {version}؛ يقرأ هذا الإصدار حتى {latest}). حدّث هامش لفتحه؛ لم يتغيّر الملف.</translation>
    </message>
    <message>
        <source>Cannot create the project {path}: {detail}.</source>
        <translation>تعذّر إنشاء المشروع {path}: {detail}.</translation>
    </message>
    <message>
        <source>{path} appeared while it was being created; it was left alone.</source>
        <translation>ظهر {path} أثناء إنشائه؛ فتُرك كما هو.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a Hamish project.</source>
        <translation>{path} مجلد، وليس مشروع هامش.</translation>
    </message>
    <message>
        <source>There is no project at {path}.</source>
        <translation>لا يوجد مشروع في {path}.</translation>
    </message>
    <message>
        <source>Cannot open {path}: {detail}</source>
        <translation>تعذّر فتح {path}: {detail}</translation>
    </message>
    <message>
        <source>{path} is not a regular file, so not a Hamish project.</source>
        <translation>{path} ليس ملفًا عاديًا، فهو ليس مشروع هامش.</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes), not a Hamish project; it was left as it is.</source>
        <translation>{path} فارغ (0 بايت)، وليس مشروع هامش؛ تُرك كما هو.</translation>
    </message>
    <message>
        <source>{path} is open read-only (its file, folder or disk cannot be written); nothing was changed.</source>
        <translation>{path} مفتوح للقراءة فقط (لا تمكن الكتابة في ملفه أو مجلده أو قرصه)؛ لم يتغيّر شيء.</translation>
    </message>
    <message>
        <source>{path} was saved by an older version of Hamish and must be upgraded, but it is read-only. Copy it to a folder you can write to and open the copy.</source>
        <translation>حُفظ {path} بإصدار أقدم من هامش ويجب تحديثه، لكنه للقراءة فقط. انسخه إلى مجلد تستطيع الكتابة فيه وافتح النسخة.</translation>
    </message>
    <message>
        <source>{path} was not closed properly and is read-only, so the edits in its journal ({name}) cannot be shown; open it where it can be written to see them.</source>
        <translation>لم يُغلق {path} كما ينبغي وهو للقراءة فقط، لذا لا يمكن عرض التعديلات التي في سجل تعديلاته ({name})؛ افتحه حيث تمكن الكتابة فيه لتراها.</translation>
    </message>
    <message>
        <source>The journal of {path} ({name}) is damaged: {count} frames of saved edits after the damage could not be recovered.</source>
        <translation>سجل تعديلات {path} ({name}) تالف: تعذّر استرداد {count} من إطارات التعديلات المحفوظة بعد موضع التلف.</translation>
    </message>
    <message>
        <source>Copies of the project and its journal as they were are kept in {folder}: {name} and {wal}.</source>
        <translation>حُفظت نسختان من المشروع وسجل تعديلاته كما كانا في {folder}: {name} و{wal}.</translation>
    </message>
    <message>
        <source>No copy of the journal of {path} could be kept: {detail}.</source>
        <translation>تعذّر حفظ نسخة من سجل تعديلات {path}: {detail}.</translation>
    </message>
    <message>
        <source>The journal left beside {path} ({name}) does not fit it — with it SQLite&apos;s check says: {detail}; without it the project is intact. It is probably the journal of another copy of the project, left when this one was put in its place. The project opened as it was saved, without it; the journal is kept in {folder} as {file}-wal.</source>
        <translation>سجل اليومية المتروك بجانب {path} ({name}) لا يطابقه — فحص SQLite معه يقول: {detail}؛ ومن دونه المشروع سليم. لعله سجل نسخة أخرى من المشروع تُرك حين وُضعت هذه مكانها. فُتح المشروع كما حُفظ، من دون السجل؛ والسجل محفوظ في {folder} باسم {file}-wal.</translation>
    </message>
    <message>
        <source>No backup of {path} could be made: {detail}.</source>
        <translation>تعذّر أخذ نسخة احتياطية من {path}: {detail}.</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>لا توجد نسخة احتياطية في {path}.</translation>
    </message>
    <message>
        <source>{path} is the project itself, not a backup of it.</source>
        <translation>{path} هو المشروع نفسه، وليس نسخة احتياطية منه.</translation>
    </message>
    <message>
        <source>{path} is open in a Hamish window or another program; close it there, then restore the backup.</source>
        <translation>{path} مفتوح في نافذة هامش أو في برنامج آخر؛ أغلقه هناك، ثم استعد النسخة الاحتياطية.</translation>
    </message>
    <message>
        <source>Cannot restore {path}: {detail}. The project was left as it was.</source>
        <translation>تعذّرت استعادة {path}: {detail}. تُرك المشروع كما كان.</translation>
    </message>
    <message>
        <source>{path} is open in another Hamish window or program; close it there first (edits made in both would undo each other).</source>
        <translation>{path} مفتوح في نافذة أخرى لهامش أو في برنامج آخر؛ أغلقه هناك أولاً (فالتعديلات في الاثنين يُلغي بعضُها بعضاً).</translation>
    </message>
    <message>
        <source>{path} is not a Hamish project as Hamish makes them ({details}); another program may have changed it. It was left as it is.</source>
        <translation>{path} ليس مشروع هامش كما يُنشئه هامش ({details})؛ ربما غيّره برنامج آخر. تُرك كما هو.</translation>
    </message>
    <message>
        <source>its {name} table is missing</source>
        <translation>جدول {name} فيه مفقود</translation>
    </message>
    <message>
        <source>its {name} table has been replaced by a view</source>
        <translation>استُبدل بجدول {name} فيه عرضٌ (view)</translation>
    </message>
    <message>
        <source>its {name} table is not the table Hamish makes</source>
        <translation>جدول {name} فيه ليس الجدول الذي يُنشئه هامش</translation>
    </message>
    <message>
        <source>{count} triggers or views that Hamish does not make were removed from {path}: {names}. They could have changed or deleted its data as it was edited.</source>
        <translation>أُزيل من {path} ‏{count} من المشغّلات (triggers) أو العروض (views) التي لا يُنشئها هامش: {names}. كان يمكن أن تغيّر بياناته أو تحذفها أثناء تحريره.</translation>
    </message>
    <message>
        <source>{count} of Hamish&apos;s own triggers or indexes in {path} were missing or altered and were made again: {names}.</source>
        <translation>كان {count} من مشغّلات هامش أو فهارسه في {path} مفقودًا أو معدّلًا، فأُعيد إنشاؤه: {names}.</translation>
    </message>
    <message>
        <source>{path} holds {count} triggers or views that Hamish does not make ({names}); the project is read-only, so they were left in place, and they do not run while it is only read.</source>
        <translation>في {path} ‏{count} من المشغّلات (triggers) أو العروض (views) التي لا يُنشئها هامش ({names})؛ المشروع للقراءة فقط، فتُركت في مكانها، ولا تعمل ما دام يُقرأ فقط.</translation>
    </message>
    <message>
        <source>{path} is damaged (SQLite&apos;s check says: {detail}). Restore a backup (File → Backups, or hamish backups restore) before editing it further.</source>
        <translation>{path} تالف (يقول فحص SQLite: {detail}). استعد نسخة احتياطية (ملف ← النسخ الاحتياطية، أو hamish backups restore) قبل متابعة تحريره.</translation>
    </message>
    <message>
        <source>{path} is damaged (SQLite&apos;s check says: {detail}); nothing was changed. Restore a backup (File → Backups, or hamish backups restore).</source>
        <translation>{path} تالف (يقول فحص SQLite: {detail})؛ لم يُغيَّر شيء. استعد نسخة احتياطية (ملف ← النسخ الاحتياطية، أو hamish backups restore).</translation>
    </message>
    <message>
        <source>The backup {path} cannot be read ({detail}); it was not restored and the project was left as it was.</source>
        <translation>تتعذّر قراءة النسخة الاحتياطية {path} ‏({detail})؛ لم تُستعد، وتُرك المشروع كما كان.</translation>
    </message>
    <message>
        <source>The backup {path} is damaged (SQLite&apos;s integrity check says: {detail}); it was not restored and the project was left as it was.</source>
        <translation>النسخة الاحتياطية {path} تالفة (يقول فحص السلامة في SQLite: {detail})؛ لم تُستعد، وتُرك المشروع كما كان.</translation>
    </message>
    <message>
        <source>The backup {path} is not a Hamish project as Hamish makes them ({details}); it was not restored and the project was left as it was.</source>
        <translation>النسخة الاحتياطية {path} ليست مشروع هامش كما يُنشئه هامش ({details})؛ لم تُستعد، وتُرك المشروع كما كان.</translation>
    </message>
    <message>
        <source>The backup {path} holds triggers, views or indexes that Hamish did not make there ({names}); another program may have changed it, so it was not restored and the project was left as it was.</source>
        <translation>في النسخة الاحتياطية {path} مشغّلات (triggers) أو عروض (views) أو فهارس لم يُنشئها هامش فيها ({names})؛ ربما غيّرها برنامج آخر، فلم تُستعد، وتُرك المشروع كما كان.</translation>
    </message>
    <message>
        <source>{name} is {size} MB; articles larger than {limit} MB are not imported.</source>
        <translation>حجم {name} هو {size} ميغابايت؛ لا تُستورد المقالات الأكبر من {limit} ميغابايت.</translation>
    </message>
    <message>
        <source>{name} cannot be read: permission denied.</source>
        <translation>تعذّرت قراءة {name}: الإذن مرفوض.</translation>
    </message>
    <message>
        <source>{name} cannot be read: {detail}.</source>
        <translation>تعذّرت قراءة {name}: {detail}.</translation>
    </message>
    <message>
        <source>{name} is a folder, not a file.</source>
        <translation>{name} مجلد، وليس ملفاً.</translation>
    </message>
    <message>
        <source>{name} is not a regular file (a device, pipe or socket).</source>
        <translation>{name} ليس ملفاً عادياً (جهاز أو أنبوب أو مقبس).</translation>
    </message>
    <message>
        <source>{name} does not exist.</source>
        <translation>{name} غير موجود.</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} فارغ.</translation>
    </message>
    <message>
        <source>{name} contains only white space.</source>
        <translation>لا يحوي {name} إلا مسافات.</translation>
    </message>
    <message>
        <source>{name} contains no text.</source>
        <translation>لا يحوي {name} أي نص.</translation>
    </message>
    <message>
        <source>{name} is nested too deeply to be read.</source>
        <translation>بنية {name} متداخلة أكثر مما يمكن قراءته.</translation>
    </message>
    <message>
        <source>{name} could not be read ({error}: {detail}).</source>
        <translation>تعذّرت قراءة {name} ({error}: {detail}).</translation>
    </message>
    <message>
        <source>{name} is named like a web page but is {kind}.</source>
        <translation>اسم {name} اسم صفحة ويب لكنه {kind}.</translation>
    </message>
    <message>
        <source>{name} is {kind}, which Hamish does not import.</source>
        <translation>{name} هو {kind}، وهامش لا يستورد هذا النوع.</translation>
    </message>
    <message>
        <source>{name} holds JSON, not an article&apos;s text; Hamish reads a JSON file (its own export, Web Annotations) by its name: save it as a .json file and import that.</source>
        <translation>يحوي {name} بيانات JSON، لا نصَّ مقال؛ ويقرأ هامش ملف JSON (تصديره هو، أو شروح الويب) باسمه: احفظه ملفاً بامتداد ‎.json‎ واستورد ذلك الملف.</translation>
    </message>
    <message>
        <source>{name} holds XML, not an article&apos;s text; save it with the extension of its format (.xmi for UIMA CAS XMI, .html for a web page) and import it again.</source>
        <translation>يحوي {name} بيانات XML، لا نصَّ مقال؛ احفظه بامتداد صيغته (‎.xmi‎ لملفات UIMA CAS XMI، و‎.html‎ لصفحة ويب) واستورده مجدداً.</translation>
    </message>
    <message>
        <source>{name}: old binary Word documents (.doc) are not imported; save it as .docx.</source>
        <translation>{name}: لا تُستورد مستندات Word الثنائية القديمة (‎.doc)؛ احفظه بصيغة ‎.docx.</translation>
    </message>
    <message>
        <source>{name}: RTF is not imported; save it as .docx or plain text.</source>
        <translation>{name}: لا تُستورد ملفات RTF؛ احفظه بصيغة ‎.docx أو نصاً عادياً.</translation>
    </message>
    <message>
        <source>{name}: annotation files (.xmi, .qdpx, .jsonld) are imported on their own: name the file, or use File ▸ Import Annotations.</source>
        <translation>{name}: تُستورد ملفات التعليقات (‎.xmi و‎.qdpx و‎.jsonld) وحدها: اذكر الملف باسمه، أو استخدم ملف ◂ استيراد تعليقات.</translation>
    </message>
    <message>
        <source>{name}: brat annotations (.ann) are imported with their folder: name the folder that holds them, or use File ▸ Import Annotations.</source>
        <translation>{name}: تُستورد تعليقات brat (‎.ann) مع مجلدها: اذكر المجلد الذي يضمها، أو استخدم ملف ◂ استيراد تعليقات.</translation>
    </message>
    <message>
        <source>{name} is a brat folder (texts with .ann annotations): import it on its own to keep its annotations — name the folder, or use File ▸ Import Annotations.</source>
        <translation>{name} مجلد brat (نصوص مع تعليقاتها في ملفات ‎.ann): استورده وحده لتبقى تعليقاته — اذكر المجلد باسمه، أو استخدم ملف ◂ استيراد تعليقات.</translation>
    </message>
    <message>
        <source>{name}: OpenDocument text is not imported; save it as .docx.</source>
        <translation>{name}: لا تُستورد نصوص OpenDocument؛ احفظه بصيغة ‎.docx.</translation>
    </message>
    <message>
        <source>{name}: Hamish JSON exports are imported on their own (hamish import FILE.json).</source>
        <translation>{name}: ملفات JSON المصدَّرة من هامش تُستورد وحدها (hamish import FILE.json).</translation>
    </message>
    <message>
        <source>{name}: web archives (.mht) are not imported; save the page as HTML.</source>
        <translation>{name}: لا تُستورد أرشيفات الويب (‎.mht)؛ احفظ الصفحة بصيغة HTML.</translation>
    </message>
    <message>
        <source>{name}: web archives (.mhtml) are not imported; save the page as HTML.</source>
        <translation>{name}: لا تُستورد أرشيفات الويب (‎.mhtml)؛ احفظ الصفحة بصيغة HTML.</translation>
    </message>
    <message>
        <source>{name}: Outlook .msg files are not imported; save the message as .eml.</source>
        <translation>{name}: لا تُستورد ملفات Outlook ‏‎.msg؛ احفظ الرسالة بصيغة ‎.eml.</translation>
    </message>
    <message>
        <source>{name}: Hamish does not import files without an extension.</source>
        <translation>{name}: لا يستورد هامش الملفات التي بلا امتداد.</translation>
    </message>
    <message>
        <source>{name}: Hamish does not import {suffix} files.</source>
        <translation>{name}: لا يستورد هامش ملفات {suffix}.</translation>
    </message>
    <message>
        <source>{name} has an HTML body with no article text in it.</source>
        <translation>في {name} متن HTML لا نص مقال فيه.</translation>
    </message>
    <message>
        <source>{name} has no text body (only attachments, or nothing at all).</source>
        <translation>ليس في {name} متن نصي (مرفقات فقط، أو لا شيء على الإطلاق).</translation>
    </message>
    <message>
        <source>{name} is not an e-mail message (it has no headers).</source>
        <translation>{name} ليس رسالة بريد إلكتروني (لا ترويسات فيه).</translation>
    </message>
    <message>
        <source>{name} starts with a {codec} byte-order mark but is not valid {codec2} ({where}).</source>
        <translation>يبدأ {name} بعلامة ترتيب بايتات {codec} لكنه ليس {codec2} صالحاً ({where}).</translation>
    </message>
    <message>
        <source>{name} starts with a {codec} byte-order mark, but its text is not {codec2}, and it does not read as UTF-8, Windows-1256 or ISO-8859-6 either. Save it as UTF-8 and import it again.</source>
        <translation>يبدأ {name} بعلامة ترتيب بايتات {codec}، لكن نصه ليس {codec2}، ولا يُقرأ بترميز UTF-8 ولا Windows-1256 ولا ISO-8859-6 أيضاً. احفظه بترميز UTF-8 واستورده مجدداً.</translation>
    </message>
    <message>
        <source>{name} is a binary file, not text.</source>
        <translation>{name} ملف ثنائي، وليس نصاً.</translation>
    </message>
    <message>
        <source>{name} holds byte-order marks over and over, not text.</source>
        <translation>{name} مليء بعلامات ترتيب بايتات مكررة مرة بعد مرة، وليس نصاً.</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text ({where}), and it does not read as Arabic Windows-1256 or ISO-8859-6 either. Save it as UTF-8 and import it again.</source>
        <translation>{name} ليس نصاً بترميز UTF-8 ‏({where})، ولا يُقرأ بالترميز العربي Windows-1256 أو ISO-8859-6 أيضاً. احفظه بترميز UTF-8 واستورده مجدداً.</translation>
    </message>
    <message>
        <source>{name} holds no article text that Hamish can find (it may be an index page, a page that builds its text with JavaScript, or an empty page).</source>
        <translation>لا يجد هامش في {name} نص مقال (قد تكون صفحة فهرس، أو صفحة تبني نصها بـJavaScript، أو صفحة فارغة).</translation>
    </message>
    <message>
        <source>{name} nests its elements more than 256 deep (unclosed tags pile up so in some old pages) and its text lies past that depth, where Hamish stops reading. Nothing was imported.</source>
        <translation>تتداخل عناصر {name} أعمق من 256 مستوى (تتراكم الوسوم غير المغلقة هكذا في بعض الصفحات القديمة)، ونصها واقع بعد هذا العمق حيث يتوقف هامش عن القراءة. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} holds an attribute, script, comment or run of text of more than 10 MB before any article text, where Hamish stops reading. Nothing was imported.</source>
        <translation>في {name} سمة أو برنامج نصي أو تعليق أو مقطع نص يتجاوز 10 ميغابايت قبل أي نص للمقال، وهناك يتوقف هامش عن القراءة. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} is protected by a password; open it, save an unprotected copy and import that.</source>
        <translation>{name} محمي بكلمة مرور؛ افتحه واحفظ نسخة غير محمية واستوردها.</translation>
    </message>
    <message>
        <source>{name} is encrypted in a way Hamish cannot read.</source>
        <translation>{name} مشفّر بطريقة لا يستطيع هامش قراءتها.</translation>
    </message>
    <message>
        <source>{name} is not a valid PDF (it is damaged: {error}).</source>
        <translation>{name} ليس ملف PDF صالحاً (إنه تالف: {error}).</translation>
    </message>
    <message>
        <source>{name} has no text layer (it is probably a scan or made of images); Hamish cannot read text from images.</source>
        <translation>ليس في {name} طبقة نص (الأرجح أنه مسح ضوئي أو مكوَّن من صور)؛ لا يستطيع هامش قراءة النص من الصور.</translation>
    </message>
    <message>
        <source>{name} cannot be read reliably: its fonts do not say which letters {unmapped} of its {total} characters are. Export it again from the original program, or copy the text from a PDF viewer.</source>
        <translation>لا يمكن قراءة {name} بموثوقية: خطوطه لا تبيّن أي حروف هي {unmapped} من أحرفه البالغة {total}. صدّره مجدداً من البرنامج الأصلي، أو انسخ النص من عارض PDF.</translation>
    </message>
    <message>
        <source>{name} is not a PDF document (it does not start with %PDF).</source>
        <translation>{name} ليس مستند PDF (لا يبدأ بـ%PDF).</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 text (invalid byte 0x{byte} on line {line}). Save it as UTF-8 and import it again.</source>
        <translation>{name} ليس نصاً بترميز UTF-8 (بايت غير صالح 0x{byte} في السطر {line}). احفظه بترميز UTF-8 واستورده مجدداً.</translation>
    </message>
    <message>
        <source>{name} is a binary file ({kind}), not text. Rename it with the right extension and import it again.</source>
        <translation>{name} ملف ثنائي ({kind})، وليس نصاً. أعد تسميته بالامتداد الصحيح واستورده مجدداً.</translation>
    </message>
    <message>
        <source>{name} is an old binary Word document (.doc); save it as .docx and import it again.</source>
        <translation>{name} مستند Word ثنائي قديم (‎.doc)؛ احفظه بصيغة ‎.docx واستورده مجدداً.</translation>
    </message>
    <message>
        <source>{name} is not a valid Word document (it is damaged or not a .docx file).</source>
        <translation>{name} ليس مستند Word صالحاً (إنه تالف أو ليس ملف ‎.docx).</translation>
    </message>
    <message>
        <source>{name} is not a valid Word document (it is damaged: {error}).</source>
        <translation>{name} ليس مستند Word صالحاً (إنه تالف: {error}).</translation>
    </message>
    <message>
        <source>{name} holds {count} characters of text; Hamish imports articles of up to {limit} characters.</source>
        <translation>يضم {name} {count} حرف من النص، ولا يستورد هامش إلا المقالات التي لا يتجاوز طولها {limit} حرف.</translation>
    </message>
    <message>
        <source>{name} holds more than {limit} characters of text; Hamish imports articles of up to {limit} characters.</source>
        <translation>يضم {name} أكثر من {limit} حرف من النص، ولا يستورد هامش إلا المقالات التي لا يتجاوز طولها {limit} حرف.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {limit} MB; Word documents larger than {limit} MB unpacked are not imported.</source>
        <translation>يتجاوز حجم {name} بعد فك ضغطه {limit} ميغابايت؛ لا تُستورد مستندات Word التي يزيد حجمها بعد فك الضغط على {limit} ميغابايت.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {limit} MB; PDFs larger than {limit} MB unpacked are not imported.</source>
        <translation>يتجاوز حجم {name} بعد فك ضغطه {limit} ميغابايت؛ لا تُستورد ملفات PDF التي يزيد حجمها بعد فك الضغط على {limit} ميغابايت.</translation>
    </message>
    <message>
        <source>1 control character (such as NUL or ESC) was removed from the text.</source>
        <translation>حُذف من النص محرف تحكم واحد (مثل NUL أو ESC).</translation>
    </message>
    <message>
        <source>{count} control characters (such as NUL or ESC) were removed from the text.</source>
        <translation>حُذف من النص {count} من محارف التحكم (مثل NUL أو ESC).</translation>
    </message>
    <message>
        <source>1 byte that is not UTF-8 was replaced with � (on line {line}).</source>
        <translation>استُبدل بالرمز � بايت واحد ليس بترميز UTF-8 (في السطر {line}).</translation>
    </message>
    <message>
        <source>{count} bytes that are not UTF-8 were replaced with � (the first on line {line}).</source>
        <translation>استُبدل بالرمز � {count} من البايتات التي ليست بترميز UTF-8 (أولها في السطر {line}).</translation>
    </message>
    <message>
        <source>The file began with a {mark} byte-order mark, but its text is {encoding}; the mark was left out.</source>
        <translation>بدأ الملف بعلامة ترتيب بايتات {mark}، لكن نصه بترميز {encoding}؛ فأُسقطت العلامة.</translation>
    </message>
    <message>
        <source>The message&apos;s date &quot;{date}&quot; was left out: it is not a real date from 1900 to 2200.</source>
        <translation>أُغفل تاريخ الرسالة «{date}»: ليس تاريخًا صحيحًا بين 1900 و2200.</translation>
    </message>
    <message>
        <source>The Markdown header&apos;s date &quot;{date}&quot; was left out: it is not a real date from 1900 to 2200.</source>
        <translation>أُغفل تاريخ ترويسة ملف Markdown «{date}»: ليس تاريخًا صحيحًا بين 1900 و2200.</translation>
    </message>
    <message>
        <source>The Markdown header&apos;s address &quot;{address}&quot; was left out: it is not a web address (http:// or https://).</source>
        <translation>تُرك عنوان الويب «{address}» في ترويسة ملف Markdown: فليس عنوان ويب (http:// أو https://).</translation>
    </message>
    <message>
        <source>The Markdown header&apos;s other fields, left out of the text: {fields}.</source>
        <translation>حقول ترويسة ملف Markdown الأخرى، وقد أُبقيت خارج النص: {fields}.</translation>
    </message>
    <message>
        <source>The dateline &quot;{dateline}&quot; gives no year, so the article was left undated; give it its date with Edit Metadata.</source>
        <translation>سطر التاريخ «{dateline}» بلا سنة، فتُرك المقال بلا تاريخ؛ أعطه تاريخه من «تحرير البيانات الوصفية».</translation>
    </message>
    <message>
        <source>{path} is a link to {target}, outside the folder being imported; links out of a folder are not followed.</source>
        <translation>{path} رابط إلى {target} خارج المجلد الجاري استيراده؛ لا تُتبَع الروابط التي تخرج من المجلد.</translation>
    </message>
    <message>
        <source>{path} is a link that cannot be followed (it loops); it was left out.</source>
        <translation>{path} رابط لا يمكن تتبّعه (يدور في حلقة)؛ تُرك جانبًا.</translation>
    </message>
    <message>
        <source>{name} holds more than {limit} MB of markup (pictures in the page not counted); Hamish imports web pages of up to {limit} MB.</source>
        <translation>يضم {name} أكثر من {limit} ميغابايت من الترميز (دون احتساب الصور المضمّنة في الصفحة)، ولا يستورد هامش إلا صفحات الويب التي لا يتجاوز حجمها {limit} ميغابايت.</translation>
    </message>
    <message>
        <source>{name} has more than {most} elements in its markup; Hamish imports web pages of up to {most} elements.</source>
        <translation>في شيفرة {name} أكثر من {most} عنصر؛ يستورد هامش صفحات الويب التي لا تتجاوز {most} عنصر.</translation>
    </message>
    <message>
        <source>{name} has more than {limit} pages; Hamish imports PDFs of up to {limit} pages. Save the pages you need as a new PDF and import that.</source>
        <translation>في {name} أكثر من {limit} صفحة، ولا يستورد هامش إلا ملفات PDF التي لا تتجاوز {limit} صفحة. احفظ الصفحات التي تحتاجها في ملف PDF جديد ثم استورده.</translation>
    </message>
    <message>
        <source>Page {page} of {name} draws more than {limit} letters; Hamish imports PDFs of up to {limit} letters a page.</source>
        <translation>ترسم الصفحة {page} من {name} أكثر من {limit} حرف، ولا يستورد هامش إلا ملفات PDF التي لا تتجاوز الصفحة فيها {limit} حرف.</translation>
    </message>
    <message>
        <source>{name} was not imported: reading it stopped because it would need more than {limit} MB of memory.</source>
        <translation>لم يُستورد {name}: أُوقفت قراءته لأنها كانت ستحتاج إلى أكثر من {limit} ميغابايت من الذاكرة.</translation>
    </message>
    <message>
        <source>{name} was not imported: reading it took longer than {seconds} s, the limit for one file.</source>
        <translation>لم يُستورد {name}: استغرقت قراءته أكثر من {seconds} ثانية، وهي المهلة المحددة للملف الواحد.</translation>
    </message>
    <message>
        <source>{name} was not imported: the reader stopped unexpectedly ({how}); it may need more than {limit} MB of memory.</source>
        <translation>لم يُستورد {name}: توقفت عملية القراءة على نحو غير متوقع ({how})؛ ربما يحتاج الملف إلى أكثر من {limit} ميغابايت من الذاكرة.</translation>
    </message>
    <message>
        <source>{name} could not be read (the reader&apos;s answer was malformed).</source>
        <translation>تعذّرت قراءة {name} (وصل ردّ عملية القراءة مشوّهاً).</translation>
    </message>
    <message>
        <source>{name} is {size} MB; Hamish imports JSON files of up to {limit} MB. Export fewer documents at a time (hamish export --document ID ...) and import the parts.</source>
        <translation>حجم {name} هو {size} ميغابايت، ولا يستورد هامش إلا ملفات JSON التي لا يتجاوز حجمها {limit} ميغابايت. صدّر عدداً أقل من المستندات في كل مرة (hamish export --document ID ...) ثم استورد الأجزاء.</translation>
    </message>
    <message>
        <source>{name} cannot be imported: {detail}. Nothing was imported.</source>
        <translation>تعذّر استيراد {name}: {detail}. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} cannot be imported ({count} problems): {details}. Nothing was imported.</source>
        <translation>تعذّر استيراد {name} (عدد المشكلات: {count}): {details}. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} is not a Hamish export (it holds {what}, not an object).</source>
        <translation>{name} ليس ملف تصدير من هامش (يحوي {what}، وليس كائناً).</translation>
    </message>
    <message>
        <source>{name} is not a Hamish export ({what}; expected &quot;format&quot;: &quot;{format}&quot;).</source>
        <translation>{name} ليس ملف تصدير من هامش ({what}؛ المتوقع &quot;format&quot;: &quot;{format}&quot;).</translation>
    </message>
    <message>
        <source>{name} has no valid format &quot;version&quot; (a whole number from 1); nothing was imported.</source>
        <translation>ليس في {name} رقم صيغة &quot;version&quot; صالح (عدد صحيح من 1)؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} was written by a newer version of Hamish (export format version {version}; this version reads up to {latest}). Update Hamish to import it; nothing was imported.</source>
        <translation>كُتب {name} بإصدار أحدث من هامش (إصدار صيغة التصدير {version}؛ يقرأ هذا الإصدار حتى {latest}). حدّث هامش لاستيراده؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} cannot be imported: required field &quot;documents&quot; is missing.</source>
        <translation>تعذّر استيراد {name}: الحقل المطلوب &quot;documents&quot; مفقود.</translation>
    </message>
    <message>
        <source>{name} is not valid JSON: {detail} at line {line}, column {column}. Nothing was imported.</source>
        <translation>{name} ليس JSON صالحاً: {detail} في السطر {line}، العمود {column}. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} is not valid JSON: {detail}. Nothing was imported.</source>
        <translation>{name} ليس JSON صالحاً: {detail}. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} holds JSON nested too deeply to be read: arrays or objects inside each other hundreds of levels deep, where Hamish&apos;s files nest a few. Nothing was imported.</source>
        <translation>يحوي {name} بيانات JSON متداخلة أعمق من أن تُقرأ: مصفوفات أو كائنات بعضها داخل بعض لمئات المستويات، وملفات هامش لا تتداخل إلا مستويات قليلة. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{table}[{index}] must be an object, not {what}</source>
        <translation>يجب أن يكون {table}[{index}] كائناً، لا {what}</translation>
    </message>
    <message>
        <source>{record}: required field &quot;{field}&quot; is missing</source>
        <translation>{record}: الحقل المطلوب &quot;{field}&quot; مفقود</translation>
    </message>
    <message>
        <source>{record}: &quot;{field}&quot; {detail}</source>
        <translation>{record}: الحقل &quot;{field}&quot; {detail}</translation>
    </message>
    <message>
        <source>must be {what}, not null</source>
        <translation>يجب أن يكون {what}، لا null</translation>
    </message>
    <message>
        <source>must be {what}, not {other}</source>
        <translation>يجب أن يكون {what}، لا {other}</translation>
    </message>
    <message>
        <source>is too large ({value})</source>
        <translation>كبير جداً ({value})</translation>
    </message>
    <message>
        <source>contains an invalid character (an unpaired UTF-16 surrogate)</source>
        <translation>يحوي حرفاً غير صالح (نصف زوج UTF-16 منفرد)</translation>
    </message>
    <message>
        <source>must be one of {values}, not {value}</source>
        <translation>يجب أن يكون أحد هذه: {values}، لا {value}</translation>
    </message>
    <message>
        <source>two {table} have the same {values}</source>
        <translation>في {table} سجلّان لهما القيمة نفسها: {values}</translation>
    </message>
    <message>
        <source>{record} refers to {table} {id}, which is not in the file</source>
        <translation>{record} يشير إلى {table} {id}، وهو غير موجود في الملف</translation>
    </message>
    <message>
        <source>{record} must cover at least one character (start {start}, end {end})</source>
        <translation>يجب أن يشمل {record} حرفاً واحداً على الأقل (البداية {start}، النهاية {end})</translation>
    </message>
    <message>
        <source>{record} covers characters {start}–{end}, outside document {id}, which has {count} characters (offsets count code points)</source>
        <translation>يشمل {record} الأحرف {start}–{end}، خارج المقال {id} الذي فيه {count} حرفاً (المواضع تعدّ نقاط الترميز)</translation>
    </message>
    <message>
        <source>{record}: its quote &quot;{quote}&quot; does not match the text of document {id} at {start}–{end}, which is &quot;{text}&quot; (offsets count code points)</source>
        <translation>{record}: اقتباسه &quot;{quote}&quot; لا يطابق نص المقال {id} في {start}–{end}، وهو &quot;{text}&quot; (المواضع تعدّ نقاط الترميز)</translation>
    </message>
    <message>
        <source>{record} links a claim to itself</source>
        <translation>{record} يربط ادعاءً بنفسه</translation>
    </message>
    <message>
        <source>{detail} (at {path})</source>
        <translation>{detail} (في {path})</translation>
    </message>
    <message>
        <source>contains a control character ({code}); only tab and newline are allowed</source>
        <translation>فيه محرف تحكم ({code})؛ لا يُسمح إلا بمسافة الجدولة وبداية السطر</translation>
    </message>
    <message>
        <source>must be one line, without line breaks</source>
        <translation>يجب أن يكون سطراً واحداً بلا فواصل أسطر</translation>
    </message>
    <message>
        <source>must be one line, without tabs</source>
        <translation>يجب أن يكون سطراً واحداً بلا مسافات جدولة</translation>
    </message>
    <message>
        <source>contains a bidi control character ({code}), which could reorder what is shown</source>
        <translation>فيه محرف تحكم باتجاه النص ({code}) قد يغيّر ترتيب ما يُعرض</translation>
    </message>
    <message>
        <source>cannot be empty</source>
        <translation>لا يجوز أن يكون فارغاً</translation>
    </message>
    <message>
        <source>contains a line break {code}; lines end with \n (U+000A) only</source>
        <translation>فيه فاصل أسطر {code}؛ لا تنتهي الأسطر إلا بـ \n (U+000A)</translation>
    </message>
    <message>
        <source>must be a UTC time with seconds such as 2024-05-02T09:00:00+00:00, not {value}</source>
        <translation>يجب أن يكون وقتاً بالتوقيت العالمي مع الثواني مثل 2024-05-02T09:00:00+00:00، لا {value}</translation>
    </message>
    <message>
        <source>must be a real date written YYYY-MM-DD, not {value}</source>
        <translation>يجب أن يكون تاريخاً صحيحاً بالصيغة YYYY-MM-DD، لا {value}</translation>
    </message>
    <message>
        <source>must be a real date written YYYY-MM-DD, YYYY-MM or YYYY, not {value}</source>
        <translation>يجب أن يكون تاريخاً صحيحاً بالصيغة YYYY-MM-DD أو YYYY-MM أو YYYY، لا {value}</translation>
    </message>
    <message>
        <source>must be a colour written #rrggbb, not {value}</source>
        <translation>يجب أن يكون لوناً بالصيغة #rrggbb، لا {value}</translation>
    </message>
    <message>
        <source>must be empty or a web address starting with http:// or https://, not {value}</source>
        <translation>يجب أن يكون فارغاً أو عنوان ويب يبدأ بـ http:// أو https://، لا {value}</translation>
    </message>
    <message>
        <source>must be an icon name such as mdi6.account, or empty, not {value}</source>
        <translation>يجب أن يكون اسم أيقونة مثل mdi6.account أو فارغاً، لا {value}</translation>
    </message>
    <message>
        <source>must be one digit, or empty, not {value}</source>
        <translation>يجب أن يكون رقماً واحداً أو فارغاً، لا {value}</translation>
    </message>
    <message>
        <source>must be a language code such as ar, en or und, not {value}</source>
        <translation>يجب أن يكون رمز لغة مثل ar أو en أو und، لا {value}</translation>
    </message>
    <message>
        <source>must be a SHA-256 written as 64 lower-case hexadecimal digits, not {value}</source>
        <translation>يجب أن يكون بصمة SHA-256 من 64 رقماً ست عشرياً بأحرف صغيرة، لا {value}</translation>
    </message>
    <message>
        <source>is longer than {limit} characters ({count})</source>
        <translation>أطول من {limit} حرفاً ({count})</translation>
    </message>
    <message>
        <source>must be {minimum} or more, not {value}</source>
        <translation>يجب أن يكون {minimum} أو أكثر، لا {value}</translation>
    </message>
    <message>
        <source>{record}: &quot;char_count&quot; is {value}, but its text has {count} characters (offsets count code points)</source>
        <translation>{record}: قيمة &quot;char_count&quot; هي {value}، لكن نصه فيه {count} حرفاً (المواضع تعدّ نقاط الترميز)</translation>
    </message>
    <message>
        <source>{record} is on annotation {id}, whose label {key} is of kind {kind}, not claim</source>
        <translation>{record} مرتبط بالتعليق {id} الذي وسمه {key} من نوع {kind}، لا من نوع الادعاء</translation>
    </message>
    <message>
        <source>must be &quot;project&quot; or &quot;documents&quot;, not {value}</source>
        <translation>يجب أن يكون &quot;project&quot; أو &quot;documents&quot;، لا {value}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>و{count} غيرها</translation>
    </message>
    <message>
        <source>&quot;{table}&quot; must be a list; nothing was imported.</source>
        <translation>يجب أن يكون &quot;{table}&quot; قائمة؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{record} breaks a rule of the project ({detail}); nothing was imported.</source>
        <translation>{record} يخالف قاعدة من قواعد المشروع ({detail})؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{record} refers to {table} {id}, which is not in the file; nothing was imported.</source>
        <translation>{record} يشير إلى {table} {id}، وهو غير موجود في الملف؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{table}.{column} holds binary data, which an export cannot carry; nothing was exported.</source>
        <translation>يحوي {table}.{column} بيانات ثنائية لا يمكن أن يحملها التصدير؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} is a folder; give a file name to export to.</source>
        <translation>{path} مجلد؛ أعطِ اسم ملف للتصدير إليه.</translation>
    </message>
    <message>
        <source>The folder {path} does not exist; nothing was exported.</source>
        <translation>المجلد {path} غير موجود؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}. Nothing was exported; the existing file was left as it was.</source>
        <translation>تعذّرت الكتابة في {path}: {detail}. لم يُصدَّر شيء؛ وبقي الملف الموجود كما كان.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {detail}. Nothing was exported.</source>
        <translation>تعذّرت الكتابة في {path}: {detail}. لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>Unknown CSV export {value}: choose annotations or claims.</source>
        <translation>تصدير CSV غير معروف {value}: اختر التعليقات أو الادعاءات.</translation>
    </message>
    <message>
        <source>{path} is the project itself; choose another file to export to.</source>
        <translation>{path} هو المشروع نفسه؛ اختر ملفاً آخر للتصدير إليه.</translation>
    </message>
    <message>
        <source>Choose at least one article for the report.</source>
        <translation>اختر مقالاً واحداً على الأقل للتقرير.</translation>
    </message>
    <message>
        <source>Choose a label, an entity or a claim status for the filter.</source>
        <translation>اختر وسماً أو كياناً أو حالة ادعاء للتصفية.</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <source>{path} already exists; nothing was exported. Choose another name, or allow replacing it.</source>
        <translation>{path} موجود من قبل؛ لم يُصدَّر شيء. اختر اسماً آخر، أو اسمح باستبداله.</translation>
    </message>
    <message>
        <source>Cannot check {path}: {detail}. Nothing was exported.</source>
        <translation>تعذّر فحص {path}: {detail}. لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} is a working file of the project&apos;s database; choose another file to export to.</source>
        <translation>{path} ملف عمل تابع لقاعدة بيانات المشروع؛ اختر ملفاً آخر للتصدير إليه.</translation>
    </message>
    <message>
        <source>{path} is a working file of the SQLite database {name}; exporting to it would damage that database. Choose another file.</source>
        <translation>{path} ملف عمل تابع لقاعدة بيانات SQLite {name}؛ التصدير إليه يُتلف تلك القاعدة. اختر ملفاً آخر.</translation>
    </message>
    <message>
        <source>{path} is a device, not a file; nothing was exported.</source>
        <translation>{path} جهاز وليس ملفاً؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} is a named pipe, not a file; nothing was exported.</source>
        <translation>{path} أنبوب مُسمّى وليس ملفاً؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} is a socket, not a file; nothing was exported.</source>
        <translation>{path} مقبس اتصال وليس ملفاً؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} is not a regular file; nothing was exported.</source>
        <translation>{path} ليس ملفاً عادياً؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} is a Hamish project; exporting to it would destroy it. Choose another file.</source>
        <translation>{path} مشروع هامش؛ التصدير إليه يُتلفه. اختر ملفاً آخر.</translation>
    </message>
    <message>
        <source>{path} is a SQLite database; exporting to it would destroy it. Choose another file.</source>
        <translation>{path} قاعدة بيانات SQLite؛ التصدير إليها يُتلفها. اختر ملفاً آخر.</translation>
    </message>
    <message>
        <source>{path} is the log of a SQLite database; exporting to it would damage that database. Choose another file.</source>
        <translation>{path} سجلّ تابع لقاعدة بيانات SQLite؛ التصدير إليه يُتلف تلك القاعدة. اختر ملفاً آخر.</translation>
    </message>
    <message>
        <source>{path} is read-only; nothing was exported. Choose another file, or make it writable first.</source>
        <translation>{path} للقراءة فقط؛ لم يُصدَّر شيء. اختر ملفاً آخر، أو اجعله قابلاً للكتابة أولاً.</translation>
    </message>
    <message>
        <source>{path} is a link to {target}, which does not exist; nothing was exported.</source>
        <translation>{path} رابط إلى {target}، وهو غير موجود؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} is a link that cannot be followed; nothing was exported.</source>
        <translation>{path} رابط لا يمكن تتبّعه؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} is not a folder; nothing was exported.</source>
        <translation>{path} ليس مجلداً؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} is named like a temporary file of Hamish; choose another name.</source>
        <translation>اسم {path} يشبه أسماء الملفات المؤقتة التي يكتبها هامش؛ اختر اسماً آخر.</translation>
    </message>
    <message>
        <source>The folder {path} cannot be written (it is read-only, or you may not write there); nothing was exported.</source>
        <translation>لا يمكن الكتابة في المجلد {path} (هو للقراءة فقط، أو لا تملك إذن الكتابة فيه)؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{path} changed while it was being exported; nothing was exported.</source>
        <translation>تغيّر {path} أثناء التصدير؛ لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>{name} is not a REFI-QDA project: it has no project.qde. Nothing was imported.</source>
        <translation>{name} ليس مشروع REFI-QDA: لا يحوي الملف project.qde. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} is not a REFI-QDA project: project.qde holds {tag}, not a Project. Nothing was imported.</source>
        <translation>{name} ليس مشروع REFI-QDA: يحوي project.qde العنصر {tag} لا عنصر Project. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} holds no text source Hamish can import; nothing was imported.</source>
        <translation>لا يحوي {name} أي مصدر نصي يستطيع هامش استيراده؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} holds {count} files; Hamish reads REFI-QDA projects of up to {limit}. Nothing was imported.</source>
        <translation>يحوي {name} ملفات عددها {count}؛ يقرأ هامش مشاريع REFI-QDA التي لا يتجاوز عدد ملفاتها {limit}. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: {member} is encrypted; Hamish cannot read it. Nothing was imported.</source>
        <translation>{name}: الملف {member} مشفّر ولا يستطيع هامش قراءته. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: {member} is compressed with a method Hamish does not read (only stored and deflated files are). Nothing was imported.</source>
        <translation>{name}: الملف {member} مضغوط بطريقة لا يقرؤها هامش (يقرأ الملفات المخزّنة دون ضغط أو المضغوطة بطريقة deflate فقط). لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: project.qde declares a document type or entities ({reason}), which Hamish refuses: they can expand without end or read files of this computer. Nothing was imported.</source>
        <translation>{name}: يعرّف project.qde نوع مستند أو كيانات XML ({reason})، وهو ما يرفضه هامش: فقد تتضخم بلا حدّ أو تقرأ ملفات من هذا الحاسوب. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: project.qde is not well-formed XML ({reason}). Nothing was imported.</source>
        <translation>{name}: الملف project.qde ليس XML سليم البنية ({reason}). لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} is not a REFI-QDA project (.qdpx): it is not a readable zip archive ({reason}). Nothing was imported.</source>
        <translation>{name} ليس مشروع REFI-QDA (‎.qdpx): فهو ليس أرشيف zip قابلاً للقراءة ({reason}). لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} holds a file named {member}, a path that leads out of the project; the file is refused. Nothing was imported.</source>
        <translation>يحوي {name} ملفاً باسم {member}، وهو مسار يقود إلى خارج المشروع؛ لذا رُفض الملف. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} lists the file {member} twice; the file is refused. Nothing was imported.</source>
        <translation>يذكر {name} الملف {member} مرتين؛ لذا رُفض الملف. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than Hamish reads from a REFI-QDA project ({limit} MB for one file, {total} MB in all); it may be a zip bomb. Nothing was imported.</source>
        <translation>يتجاوز حجم {name} بعد فك ضغطه ما يقرؤه هامش من مشروع REFI-QDA ({limit} ميغابايت للملف الواحد، و{total} ميغابايت للمجموع)؛ قد يكون قنبلة ضغط. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: {member} is damaged ({reason}). Nothing was imported.</source>
        <translation>{name}: الملف {member} تالف ({reason}). لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} is {size} MB; Hamish imports REFI-QDA projects of up to {limit} MB.</source>
        <translation>حجم {name} {size} ميغابايت؛ يستورد هامش مشاريع REFI-QDA التي لا يتجاوز حجمها {limit} ميغابايت.</translation>
    </message>
    <message>
        <source>{name} is not a Web Annotation file (an AnnotationCollection, an AnnotationPage or annotations). Nothing was imported.</source>
        <translation>{name} ليس ملف Web Annotation (مجموعة AnnotationCollection أو صفحة AnnotationPage أو تعليقات). لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} holds {count} annotations; Hamish imports up to {limit} at a time. Nothing was imported.</source>
        <translation>يحوي {name} تعليقات عددها {count}؛ يستورد هامش {limit} تعليق على الأكثر في المرة الواحدة. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} holds no article texts, so its annotations cannot be anchored; nothing was imported. (Hamish reads the texts a Hamish export carries in &quot;hamish:documents&quot;.)</source>
        <translation>لا يحوي {name} نصوص المقالات، فلا يمكن تثبيت تعليقاته في مواضعها؛ لم يُستورد شيء. (يقرأ هامش النصوص التي يحملها تصدير هامش في &quot;hamish:documents&quot;.)</translation>
    </message>
    <message>
        <source>{name} is {size} MB; Hamish imports Web Annotation files of up to {limit} MB.</source>
        <translation>حجم {name} {size} ميغابايت؛ يستورد هامش ملفات Web Annotation التي لا يتجاوز حجمها {limit} ميغابايت.</translation>
    </message>
    <message>
        <source>{n} PDF sources were not imported (Hamish imports their text only from text sources).</source>
        <translation>لم تُستورد مصادر PDF وعددها {n} (يستورد هامش النص من المصادر النصية فقط).</translation>
    </message>
    <message>
        <source>{n} picture sources were not imported.</source>
        <translation>لم تُستورد مصادر الصور وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} audio sources were not imported.</source>
        <translation>لم تُستورد المصادر الصوتية وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} video sources were not imported.</source>
        <translation>لم تُستورد مصادر الفيديو وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} sources whose text is outside the project file were not imported (Hamish never reads other files named in an imported one).</source>
        <translation>لم تُستورد مصادر نصها خارج ملف المشروع وعددها {n} (لا يقرأ هامش أبداً ملفات أخرى يذكرها ملف مستورد).</translation>
    </message>
    <message>
        <source>{n} sources whose text is missing from the file were not imported.</source>
        <translation>لم تُستورد مصادر نصها مفقود من الملف وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} sources whose text is not UTF-8 were not imported.</source>
        <translation>لم تُستورد مصادر نصها ليس بترميز UTF-8 وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} sources without text were not imported.</source>
        <translation>لم تُستورد مصادر بلا نص وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} sources longer than Hamish imports were not imported.</source>
        <translation>لم تُستورد مصادر أطول مما يستورده هامش وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} selections without valid positions were not imported.</source>
        <translation>لم تُستورد مقاطع محددة بلا مواضع صالحة وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} selections outside their source&apos;s text were not imported.</source>
        <translation>لم تُستورد مقاطع محددة تقع خارج نص مصدرها وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} selections without a code or a note were not imported.</source>
        <translation>لم تُستورد مقاطع محددة بلا رمز ولا ملاحظة وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} codings of codes missing from the codebook were not imported.</source>
        <translation>لم تُستورد ترميزات برموز غير موجودة في دليل الرموز وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} codings of whole sources were not imported.</source>
        <translation>لم تُستورد ترميزات لمصادر كاملة وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} references to missing notes were ignored.</source>
        <translation>أُهملت إحالات إلى ملاحظات مفقودة وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} variable values of sources were not imported.</source>
        <translation>لم تُستورد قيم متغيرات المصادر وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} variables were not imported.</source>
        <translation>لم تُستورد المتغيرات وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} cases were not imported.</source>
        <translation>لم تُستورد الحالات وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} sets were not imported.</source>
        <translation>لم تُستورد المجموعات وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} links were not imported.</source>
        <translation>لم تُستورد الروابط وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} graphs were not imported.</source>
        <translation>لم تُستورد المخططات وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} annotations whose quote is not in the text were not imported.</source>
        <translation>لم تُستورد تعليقات لم يعد نصها المقتبس موجوداً في المقال وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} annotations on texts that are not in the file were not imported.</source>
        <translation>لم تُستورد تعليقات على نصوص غير موجودة في الملف وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} annotations without a tag, an entity or a comment were not imported.</source>
        <translation>لم تُستورد تعليقات بلا وسم ولا كيان ولا ملاحظة وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} tags without a place in the text (no selector) were not imported.</source>
        <translation>لم تُستورد وسوم بلا موضع في النص (بلا محدِّد) وعددها {n}.</translation>
    </message>
    <message>
        <source>{name}: its AnnotationCollection holds no page of annotations (&quot;first&quot; is not an AnnotationPage written in the file); nothing was imported.</source>
        <translation>{name}: لا تحوي مجموعة التعليقات (AnnotationCollection) صفحة تعليقات (ليس &quot;first&quot; صفحة AnnotationPage مكتوبة في الملف)؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: two articles have the id {id}, which must be unique; nothing was imported.</source>
        <translation>{name}: مقالتان تحملان المعرّف نفسه {id}، والمعرّف يجب أن يكون فريداً؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{n} selections that cover no text were not imported.</source>
        <translation>لم تُستورد مقاطع محددة لا تغطي أي نص وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} items that are not annotations of a text were not imported.</source>
        <translation>لم تُستورد عناصر ليست تعليقات على نص وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} annotations whose position (TextPositionSelector) and quote (TextQuoteSelector) disagree were placed where the quote is.</source>
        <translation>وُضعت تعليقات تعارض موضعها (TextPositionSelector) ونصها المقتبس (TextQuoteSelector) حيث يقع النص المقتبس، وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} annotations whose position (TextPositionSelector) is outside the text were placed by their quote (TextQuoteSelector).</source>
        <translation>وُضعت بنصها المقتبس (TextQuoteSelector) تعليقات موضعها (TextPositionSelector) خارج النص، وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} annotations placed only by a position (TextPositionSelector) that is not within their article&apos;s text were not imported: the first runs from {start} to {end} in an article of {length} characters.</source>
        <translation>لم تُستورد تعليقات لا يحدد موضعها إلا موضع (TextPositionSelector) خارج نص مقالها، وعددها {n}: أولها يمتد من {start} إلى {end} في مقال عدد أحرفه {length}.</translation>
    </message>
    <message>
        <source>{n} annotations that lost their place in the text were left out.</source>
        <translation>استُبعدت تعليقات فقدت موضعها في النص وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} decisions on suggestions were left out (REFI-QDA has no place for them).</source>
        <translation>استُبعدت قرارات بشأن الاقتراحات وعددها {n} (لا مكان لها في REFI-QDA).</translation>
    </message>
    <message>
        <source>A name longer than {limit} characters was cut to {limit}.</source>
        <translation>قُصّ اسم أطول من {limit} حرفًا إلى {limit} حرفًا.</translation>
    </message>
    <message>
        <source>{name} holds only Markdown marks, no text.</source>
        <translation>لا يحوي {name} إلا علامات Markdown، بلا نص.</translation>
    </message>
    <message>
        <source>{n} names longer than {limit} characters were cut to {limit}.</source>
        <translation>قُصّت أسماء أطول من {limit} حرفًا إلى {limit} حرفًا، وعددها {n}.</translation>
    </message>
    <message>
        <source>{n} decisions on suggestions were left out (the Web Annotation model has no place for them).</source>
        <translation>استُبعدت قرارات بشأن الاقتراحات وعددها {n} (لا مكان لها في نموذج Web Annotation).</translation>
    </message>
    <message>
        <source>The text holds nothing but control characters (such as NUL or ESC) and white space; there is nothing to import.</source>
        <translation>لا يحوي النص سوى محارف تحكّم (مثل NUL أو ESC) ومسافات بيضاء؛ فليس فيه ما يُستورد.</translation>
    </message>
    <message>
        <source>The text holds no words: only marks such as harakat or tatweel, or invisible characters (zero-width or direction marks); there is nothing to import.</source>
        <translation>لا يحوي النص كلمات: فيه علامات فحسب كالحركات أو التطويل، أو محارف لا تُرى (محارف بلا عرض أو علامات اتجاه)؛ فليس فيه ما يُستورد.</translation>
    </message>
    <message>
        <source>The text holds more than {limit} characters without a space or a line break (from character {count}): that is no prose, and Hamish cannot lay such a run out in the reader. Nothing was imported.</source>
        <translation>يحوي النص أكثر من {limit} حرف بلا مسافة ولا سطر جديد (بدءاً من الحرف {count}): هذا ليس نثراً، ولا يستطيع هامش عرض سلسلة كهذه في القارئ. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The search nests parentheses too deeply: use at most {count} levels.</source>
        <translation>يتداخل في البحث عدد كبير جداً من الأقواس: استخدم {count} مستوى على الأكثر.</translation>
    </message>
    <message>
        <source>The search has {count} different words or phrases: use at most {limit}.</source>
        <translation>في البحث {count} كلمة أو عبارة مختلفة: استعمل {limit} على الأكثر.</translation>
    </message>
    <message>
        <source>1 character that is not valid Unicode (half of a UTF-16 pair) was replaced with �.</source>
        <translation>استُبدل بالرمز � محرفٌ واحد غير صالح في يونيكود (نصف زوج UTF-16).</translation>
    </message>
    <message>
        <source>{count} characters that are not valid Unicode (halves of UTF-16 pairs) were replaced with �.</source>
        <translation>استُبدلت بالرمز � محارف غير صالحة في يونيكود (أنصاف أزواج UTF-16) عددها {count}.</translation>
    </message>
    <message>
        <source>{n} claim assessments on tags whose label is not a claim label were not imported.</source>
        <translation>لم تُستورد تقييمات ادعاءات على وسوم ليس تصنيفها تصنيف ادعاء وعددها {n}.</translation>
    </message>
    <message>
        <source>{name}: two codes of the codebook have the GUID {guid}, which must be unique; nothing was imported.</source>
        <translation>{name}: في دليل الرموز رمزان يحملان المعرّف (GUID) نفسه {guid}، والمعرّف يجب أن يكون فريداً؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: a tag starts or ends at UTF-16 offset {offset}, between the two halves of one character (an emoji, say); nothing was imported.</source>
        <translation>{name}: يبدأ وسم أو ينتهي عند الموضع {offset} بوحدات UTF-16، بين نصفي محرف واحد (رمز تعبيري مثلاً)؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: its codebook nests codes more than {limit} levels deep; nothing was imported.</source>
        <translation>{name}: يتداخل دليل الرموز فيه أكثر من {limit} مستوى؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: an element has more than {limit} attributes, which no UIMA annotation has; nothing was imported.</source>
        <translation>{name}: لعنصرٍ فيه أكثر من {limit} سمة، ولا يبلغ ذلك أيُّ وسمٍ من UIMA؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} describes {count} UIMA types; Hamish reads type systems of at most {limit}. Nothing was imported.</source>
        <translation>يصف {name} عدد {count} من أنواع UIMA؛ يقرأ هامش أنظمة أنواع لا تتجاوز {limit}. لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} holds no article to import; nothing was imported.</source>
        <translation>لا يحتوي {name} على أي مقال للاستيراد؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} cannot be imported: its text is damaged.</source>
        <translation>تعذّر استيراد {name}: نصه تالف.</translation>
    </message>
    <message>
        <source>{name} holds more than {count} tags; Hamish imports up to {limit} at a time.</source>
        <translation>يحتوي {name} على أكثر من {count} وسم؛ يستورد هامش حتى {limit} وسم في المرة الواحدة.</translation>
    </message>
    <message>
        <source>{name} holds more than {count} files; Hamish imports up to {limit} at a time.</source>
        <translation>يحتوي {name} على أكثر من {count} ملف؛ يستورد هامش حتى {limit} ملف في المرة الواحدة.</translation>
    </message>
    <message>
        <source>{name} holds more than {size} MB of brat files; import it in parts.</source>
        <translation>يحتوي {name} على أكثر من {size} ميغابايت من ملفات brat؛ استورده على أجزاء.</translation>
    </message>
    <message>
        <source>{name} holds {count} files; Hamish imports archives of up to {limit}.</source>
        <translation>يحتوي {name} على {count} ملف؛ يستورد هامش الأرشيفات التي تضم حتى {limit} ملف.</translation>
    </message>
    <message>
        <source>{name} unpacks to more than {size} MB; nothing was imported.</source>
        <translation>يتجاوز حجم {name} بعد فك الضغط {size} ميغابايت؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} is not a readable zip archive ({detail}).</source>
        <translation>{name} ليس أرشيف zip قابلاً للقراءة ({detail}).</translation>
    </message>
    <message>
        <source>{name} lists {member} twice; nothing was imported.</source>
        <translation>يذكر {name} الملف {member} مرتين؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name}: {member} uses a compression Hamish does not read (only stored and deflate); nothing was imported.</source>
        <translation>{name}: يستخدم {member} طريقة ضغط لا يقرؤها هامش (يقرأ غير المضغوط وdeflate فقط)؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>The label {name} has another kind in this project; its tags were imported as {key}.</source>
        <translation>للتصنيف {name} نوع آخر في هذا المشروع؛ استُوردت وسومه باسم {key}.</translation>
    </message>
    <message>
        <source>Tags labelled {name} were imported as {label} tags.</source>
        <translation>استُوردت الوسوم المسمّاة {name} بوسم «{label}» في هذا المشروع.</translation>
    </message>
    <message>
        <source>Left out: {detail} ({count}).</source>
        <translation>لم يُستورد: {detail} ({count}).</translation>
    </message>
    <message>
        <source>Not carried: {detail} ({count}).</source>
        <translation>لم يُصدَّر: {detail} ({count}).</translation>
    </message>
    <message>
        <source>annotations of type {name}</source>
        <translation>تعليقات من النوع {name}</translation>
    </message>
    <message>
        <source>{name} declares a document type or entities, which UIMA XMI never needs; nothing was imported.</source>
        <translation>يعرّف {name} نوع مستند أو كيانات XML، وهو ما لا يحتاجه UIMA XMI أبداً؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} is not UTF-8 XML (invalid byte at position {position}); nothing was imported.</source>
        <translation>{name} ليس ملف XML بترميز UTF-8 (بايت غير صالح في الموضع {position})؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} declares that it is written in {encoding}, not UTF-8: Hamish reads this XML only in UTF-8, so nothing was imported. Save it as UTF-8 and import it again.</source>
        <translation>يصرّح {name} بأنه مكتوب بترميز {encoding} لا UTF-8، وهامش لا يقرأ هذا الـXML إلا بترميز UTF-8، فلم يُستورد شيء. احفظه بترميز UTF-8 ثم استورده من جديد.</translation>
    </message>
    <message>
        <source>{name}: a {type} covers {start}–{end}, outside the text of {count} characters; nothing was imported.</source>
        <translation>{name}: يغطي تعليق من النوع {type} المدى {start}–{end}، خارج النص المؤلف من {count} حرفاً؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} holds no .xmi file; nothing was imported.</source>
        <translation>لا يحتوي {name} على أي ملف ‎.xmi؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>{name} is not a UIMA type system file that Hamish can read ({detail}).</source>
        <translation>{name} ليس ملف نظام أنواع UIMA يستطيع هامش قراءته ({detail}).</translation>
    </message>
    <message>
        <source>{name} is not a UIMA CAS XMI file that Hamish can read ({detail}).</source>
        <translation>{name} ليس ملف UIMA CAS XMI يستطيع هامش قراءته ({detail}).</translation>
    </message>
    <message>
        <source>{name}, line {number}: {detail}; nothing was imported.</source>
        <translation>{name}، السطر {number}: {detail}؛ لم يُستورد شيء.</translation>
    </message>
    <message>
        <source>the offsets {value} are not whole numbers</source>
        <translation>المواضع {value} ليست أعداداً صحيحة</translation>
    </message>
    <message>
        <source>a number of {count} digits in it is longer than any offset or id</source>
        <translation>فيه عدد طوله {count} رقم، أطول من أي موضع أو معرّف</translation>
    </message>
    <message>
        <source>an element refers to the id {id}, which is missing or not unique</source>
        <translation>يشير عنصر فيه إلى المعرّف {id}، وهو غير موجود أو غير فريد</translation>
    </message>
    <message>
        <source>its elements are nested inside each other, where UIMA XMI has them side by side</source>
        <translation>عناصره متداخلة بعضها داخل بعض، وعناصر UIMA XMI تأتي متجاورة</translation>
    </message>
    <message>
        <source>it is nested too deeply to be read</source>
        <translation>تداخله أعمق من أن يُقرأ</translation>
    </message>
    <message>
        <source>the number {value} in it is not a whole number</source>
        <translation>العدد {value} فيه ليس عدداً صحيحاً</translation>
    </message>
    <message>
        <source>the offsets {value} do not fit {name}, which has {count} characters (brat counts code points)</source>
        <translation>المواضع {value} لا تقع داخل {name} الذي يضم {count} حرفاً (يعدّ brat نقاط الترميز)</translation>
    </message>
    <message>
        <source>{id} covers “{quote}” in the text, not “{written}” (brat counts code points)</source>
        <translation>يغطي {id} في النص «{quote}» لا «{written}» (يعدّ brat نقاط الترميز)</translation>
    </message>
    <message>
        <source>{id} is not a brat annotation id</source>
        <translation>{id} ليس معرّف تعليق في brat</translation>
    </message>
    <message>
        <source>{id} needs a type and the annotation it is about</source>
        <translation>يحتاج {id} إلى نوع وإلى التعليق الذي يخصه</translation>
    </message>
    <message>
        <source>article titles and metadata</source>
        <translation>عناوين المقالات وبياناتها الوصفية</translation>
    </message>
    <message>
        <source>article authors, sources and publication dates</source>
        <translation>كتّاب المقالات ومصادرها وتواريخ نشرها</translation>
    </message>
    <message>
        <source>entity aliases, descriptions and notes</source>
        <translation>الأسماء البديلة للكيانات وأوصافها وملاحظاتها</translation>
    </message>
    <message>
        <source>claim dates (claimed on)</source>
        <translation>تواريخ الادعاءات (تاريخ الإدلاء)</translation>
    </message>
    <message>
        <source>claim details on tags whose label is not a claim label</source>
        <translation>تفاصيل ادعاءات على وسوم ليس تصنيفها تصنيف ادعاء</translation>
    </message>
    <message>
        <source>claim links between tags that are not claims</source>
        <translation>روابط ادعاءات بين وسوم ليست ادعاءات</translation>
    </message>
    <message>
        <source>claim stances, statuses or gradings Hamish does not know</source>
        <translation>مواقف أو حالات أو تقييمات ادعاءات لا يعرفها هامش</translation>
    </message>
    <message>
        <source>claimants and subjects not tagged in the claim&apos;s article</source>
        <translation>أصحاب ادعاءات وموضوعات غير موسومة في مقال الادعاء</translation>
    </message>
    <message>
        <source>entities linked to claim tags</source>
        <translation>كيانات مرتبطة بوسوم الادعاءات</translation>
    </message>
    <message>
        <source>entity links on tags that are not entity tags</source>
        <translation>روابط كيانات على وسوم ليست وسوم كيانات</translation>
    </message>
    <message>
        <source>decisions on suggestions</source>
        <translation>قرارات قبول الاقتراحات ورفضها</translation>
    </message>
    <message>
        <source>label names and colours</source>
        <translation>أسماء التصنيفات وألوانها</translation>
    </message>
    <message>
        <source>links between claims of different articles</source>
        <translation>روابط بين ادعاءات من مقالات مختلفة</translation>
    </message>
    <message>
        <source>links between claims</source>
        <translation>روابط بين الادعاءات</translation>
    </message>
    <message>
        <source>nested or overlapping tags (BIO holds one tag per token)</source>
        <translation>وسوم متداخلة أو متشابكة (يحمل BIO وسماً واحداً لكل كلمة)</translation>
    </message>
    <message>
        <source>notes on articles and on the project</source>
        <translation>ملاحظات على المقالات وعلى المشروع</translation>
    </message>
    <message>
        <source>notes on tags other than claims</source>
        <translation>ملاحظات على وسوم غير الادعاءات</translation>
    </message>
    <message>
        <source>tags across a sentence end (read as two)</source>
        <translation>وسوم تتخطى نهاية جملة (تُقرأ وسمين)</translation>
    </message>
    <message>
        <source>tags of other kinds (claims, notes, spans)</source>
        <translation>وسوم من أنواع أخرى (ادعاءات، ملاحظات، مقاطع)</translation>
    </message>
    <message>
        <source>tags that cover no text</source>
        <translation>وسوم لا تغطي أي نص</translation>
    </message>
    <message>
        <source>tags whose text has changed (orphaned)</source>
        <translation>وسوم تغيّر نصها (يتيمة)</translation>
    </message>
    <message>
        <source>tags widened to whole tokens</source>
        <translation>وسوم وُسّعت لتشمل كلمات كاملة</translation>
    </message>
    <message>
        <source>web addresses that are not http or https</source>
        <translation>عناوين ويب لا تبدأ بـ http أو https</translation>
    </message>
    <message>
        <source>.ann files without their .txt</source>
        <translation>ملفات ‎.ann بلا ملف ‎.txt المقابل</translation>
    </message>
    <message>
        <source>links to other files (symbolic links are not followed)</source>
        <translation>روابط إلى ملفات أخرى (لا تُتبع الروابط الرمزية)</translation>
    </message>
    <message>
        <source>files that are not regular files (pipes, devices)</source>
        <translation>ملفات ليست ملفات عادية (أنابيب، أجهزة)</translation>
    </message>
    <message>
        <source>empty texts</source>
        <translation>نصوص فارغة</translation>
    </message>
    <message>
        <source>attributes Hamish does not know</source>
        <translation>سمات لا يعرفها هامش</translation>
    </message>
    <message>
        <source>claim gradings Hamish does not know</source>
        <translation>تقييمات ادعاءات لا يعرفها هامش</translation>
    </message>
    <message>
        <source>label kinds Hamish does not know, whose tags were kept as highlights</source>
        <translation>أنواع تسميات لا يعرفها هامش، وأُبقيت وسومها تظليلاً</translation>
    </message>
    <message>
        <source>entity types Hamish does not know, read as other</source>
        <translation>أنواع كيانات لا يعرفها هامش، قُرئت «أخرى»</translation>
    </message>
    <message>
        <source>claimants and subjects that are no entity of the file</source>
        <translation>قائلون وموضوعات ليسوا كيانات في الملف</translation>
    </message>
    <message>
        <source>comments other than AnnotatorNotes</source>
        <translation>تعليقات غير AnnotatorNotes</translation>
    </message>
    <message>
        <source>discontinuous tags</source>
        <translation>وسوم متقطعة</translation>
    </message>
    <message>
        <source>equivalence sets</source>
        <translation>مجموعات تكافؤ</translation>
    </message>
    <message>
        <source>events</source>
        <translation>أحداث</translation>
    </message>
    <message>
        <source>notes, references and attributes of tags that were left out</source>
        <translation>ملاحظات وإحالات وسمات لوسوم لم تُستورد</translation>
    </message>
    <message>
        <source>relations Hamish does not know</source>
        <translation>علاقات لا يعرفها هامش</translation>
    </message>
    <message>
        <source>relations of tags that were left out</source>
        <translation>علاقات لوسوم لم تُستورد</translation>
    </message>
    <message>
        <source>tags without offsets</source>
        <translation>وسوم بلا مواضع</translation>
    </message>
    <message>
        <source>a text-bound annotation needs a type and offsets</source>
        <translation>يحتاج التعليق المرتبط بالنص إلى نوع ومواضع</translation>
    </message>
    <message>
        <source>articles in hamish:documents that are not records</source>
        <translation>مقالات في hamish:documents ليست سجلات</translation>
    </message>
    <message>
        <source>articles without a text</source>
        <translation>مقالات بلا نص</translation>
    </message>
    <message>
        <source>articles longer than an article may be</source>
        <translation>مقالات أطول مما تتسع له المقالة</translation>
    </message>
    <message>
        <source>claim links from a claim to itself</source>
        <translation>روابط من ادعاء إلى نفسه</translation>
    </message>
    <message>
        <source>claim details that are not a set of values, so the claim keeps its defaults</source>
        <translation>تفاصيل ادعاءات ليست مجموعة قيم، فبقي الادعاء بقيمه الافتراضية</translation>
    </message>
    <message>
        <source>references, claimants and claim attributes given twice for one tag, of which the last was kept</source>
        <translation>مراجع وأصحاب ادعاءات وسمات ادعاءات وردت مرتين للوسم نفسه، وأُبقي آخرها</translation>
    </message>
    <message>
        <source>relations of a tag to itself</source>
        <translation>علاقات وسم بنفسه</translation>
    </message>
    <message>
        <source>label keys in Hamish lines that are not text</source>
        <translation>مفاتيح تسميات في أسطر هامش ليست نصاً</translation>
    </message>
    <message>
        <source>No space left on device</source>
        <translation>لا توجد مساحة كافية على القرص</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>تجاوزت الحصة المسموح بها على القرص</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>لا تملك صلاحية الوصول</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>العملية غير مسموح بها</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>نظام الملفات للقراءة فقط</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>الملف أو المجلد غير موجود</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>هذا مجلد وليس ملفاً</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>ليس مجلداً</translation>
    </message>
    <message>
        <source>File exists</source>
        <translation>الملف موجود من قبل</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>اسم الملف طويل جداً</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>خطأ في القراءة أو الكتابة على القرص</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>عدد الملفات المفتوحة أكبر مما يسمح به النظام</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>الجهاز أو المورد مشغول</translation>
    </message>
    <message>
        <source>No such device or address</source>
        <translation>الجهاز أو العنوان غير موجود</translation>
    </message>
    <message>
        <source>Invalid argument</source>
        <translation>قيمة غير صالحة</translation>
    </message>
    <message>
        <source>Invalid cross-device link</source>
        <translation>لا يمكن النقل بين قرصين مختلفين</translation>
    </message>
    <message>
        <source>database is locked</source>
        <translation>قاعدة البيانات مقفلة من برنامج آخر</translation>
    </message>
    <message>
        <source>database table is locked</source>
        <translation>جدول في قاعدة البيانات مقفل</translation>
    </message>
    <message>
        <source>database or disk is full</source>
        <translation>قاعدة البيانات أو القرص ممتلئ</translation>
    </message>
    <message>
        <source>disk I/O error</source>
        <translation>خطأ في القراءة أو الكتابة على القرص</translation>
    </message>
    <message>
        <source>database disk image is malformed</source>
        <translation>ملف قاعدة البيانات تالف</translation>
    </message>
    <message>
        <source>file is not a database</source>
        <translation>الملف ليس قاعدة بيانات</translation>
    </message>
    <message>
        <source>unable to open database file</source>
        <translation>تعذّر فتح ملف قاعدة البيانات</translation>
    </message>
    <message>
        <source>attempt to write a readonly database</source>
        <translation>محاولة الكتابة في قاعدة بيانات للقراءة فقط</translation>
    </message>
    <message>
        <source>a PDF document</source>
        <translation>مستند PDF</translation>
    </message>
    <message>
        <source>a Word document</source>
        <translation>مستند Word</translation>
    </message>
    <message>
        <source>a zip archive</source>
        <translation>أرشيف zip</translation>
    </message>
    <message>
        <source>an old binary Office document (.doc/.xls)</source>
        <translation>مستند Office ثنائي قديم (‎.doc/.xls)</translation>
    </message>
    <message>
        <source>an image</source>
        <translation>صورة</translation>
    </message>
    <message>
        <source>a web page</source>
        <translation>صفحة ويب</translation>
    </message>
    <message>
        <source>an e-mail message</source>
        <translation>رسالة بريد إلكتروني</translation>
    </message>
    <message>
        <source>document</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>الكيان</translation>
    </message>
    <message>
        <source>entity alias</source>
        <translation>الاسم البديل للكيان</translation>
    </message>
    <message>
        <source>annotation</source>
        <translation>التعليق</translation>
    </message>
    <message>
        <source>claim</source>
        <translation>الادعاء</translation>
    </message>
    <message>
        <source>claim subject</source>
        <translation>موضوع الادعاء</translation>
    </message>
    <message>
        <source>claim link</source>
        <translation>رابط الادعاءات</translation>
    </message>
    <message>
        <source>note</source>
        <translation>الملاحظة</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>القرار</translation>
    </message>
    <message>
        <source>; </source>
        <translation>؛ </translation>
    </message>
</context>
<context>
    <name>ExchangeImportController</name>
    <message>
        <source>Import Project</source>
        <translation>استيراد مشروع</translation>
    </message>
    <message>
        <source>REFI-QDA and Web Annotation (*.qdpx *.jsonld *.json)</source>
        <translation>REFI-QDA وWeb Annotation (*.qdpx *.jsonld *.json)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies) already present</source>
        <translation>
            <numerusform>لا كيانات موجودة من قبل</numerusform>
            <numerusform>كيان واحد موجود من قبل</numerusform>
            <numerusform>كيانان موجودان من قبل</numerusform>
            <numerusform>%n كيانات موجودة من قبل</numerusform>
            <numerusform>%n كياناً موجوداً من قبل</numerusform>
            <numerusform>%n كيان موجود من قبل</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported {file}: {counts}.</source>
        <translation>استُورد {file}: {counts}.</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Export Annotations (CSV)</source>
        <translation>تصدير التعليقات (CSV)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>ملفات CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Claims (CSV)</source>
        <translation>تصدير الادعاءات (CSV)</translation>
    </message>
    <message>
        <source>Export Project (JSON)</source>
        <translation>تصدير المشروع (JSON)</translation>
    </message>
    <message>
        <source>Hamish JSON (*.json)</source>
        <translation>JSON هامش (*.json)</translation>
    </message>
    <message>
        <source>Export UIMA CAS XMI (INCEpTION)</source>
        <translation>تصدير UIMA CAS XMI (لبرنامج INCEpTION)</translation>
    </message>
    <message>
        <source>Zip of XMI files (*.zip)</source>
        <translation>أرشيف zip لملفات XMI (*.zip)</translation>
    </message>
    <message>
        <source>Export brat Standoff</source>
        <translation>تصدير ملفات brat المنفصلة</translation>
    </message>
    <message>
        <source>Zip of brat files (*.zip)</source>
        <translation>أرشيف zip لملفات brat (*.zip)</translation>
    </message>
    <message>
        <source>Export CoNLL / BIO</source>
        <translation>تصدير CoNLL / BIO</translation>
    </message>
    <message>
        <source>CoNLL files (*.conll)</source>
        <translation>ملفات CoNLL (*.conll)</translation>
    </message>
    <message>
        <source>Export Project (REFI-QDA)</source>
        <translation>تصدير المشروع (REFI-QDA)</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>مشاريع REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <source>Export Annotations (W3C Web Annotation)</source>
        <translation>تصدير التعليقات (W3C Web Annotation)</translation>
    </message>
    <message>
        <source>Web Annotation JSON-LD (*.jsonld)</source>
        <translation>Web Annotation JSON-LD (*.jsonld)</translation>
    </message>
    <message>
        <source>Wrote {file}: {counts}.</source>
        <translation>حُفظ الملف {file}: {counts}.</translation>
    </message>
    <message>
        <source>An export is already running.</source>
        <translation>يجري تصدير آخر الآن.</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>Exporting {file}…</source>
        <translation>جارٍ تصدير {file}…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>أُلغي التصدير؛ لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <source>{file} already exists. Do you want to replace it?</source>
        <translation>{file} موجود من قبل. هل تريد استبداله؟</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>استبدال</translation>
    </message>
</context>
<context>
    <name>FigureExporter</name>
    <message>
        <source>Export Figure</source>
        <translation>تصدير شكل</translation>
    </message>
    <message>
        <source>Figure:</source>
        <translation>الشكل:</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>صورة PNG (*.png);;رسم SVG (*.svg)</translation>
    </message>
    <message>
        <source>Nothing was exported.</source>
        <translation>لم يُصدَّر شيء.</translation>
    </message>
    <message>
        <source>Wrote {file}.</source>
        <translation>كُتب {file}.</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>The figure could not be drawn as a PNG image.</source>
        <translation>تعذّر رسم الشكل صورةً بصيغة PNG.</translation>
    </message>
    <message>
        <source>The figure could not be drawn as an SVG file.</source>
        <translation>تعذّر رسم الشكل ملفَّ SVG.</translation>
    </message>
    <message>
        <source>Entity network</source>
        <translation>شبكة الكيانات</translation>
    </message>
    <message>
        <source>Claim timeline</source>
        <translation>الخط الزمني للادعاءات</translation>
    </message>
    <message>
        <source>The figure “%1” cannot be drawn: this copy of Hamish lacks %2.</source>
        <translation>تعذّر رسم الشكل «%1»: هذه النسخة من هامش تفتقر إلى %2.</translation>
    </message>
    <message>
        <source>There is no figure called “%1”.</source>
        <translation>لا يوجد شكل باسم «%1».</translation>
    </message>
    <message>
        <source>The figure “%1” could not be drawn: %2</source>
        <translation>تعذّر رسم الشكل «%1»: %2</translation>
    </message>
    <message>
        <source>The figure “%1” was left out: it would be made of more pairs of entities named together than Hamish can draw. A briefing of fewer articles can have it.</source>
        <translation>تُرك الشكل «%1»: أزواج الكيانات المذكورة معاً فيه أكثر مما يستطيع هامش رسمه. يمكن أن يضمّه موجز من مقالات أقل.</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <source>Folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>{suffix} file</source>
        <translation>ملف {suffix}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article (harakat and hamza ignored)…</source>
        <translation>بحث في المقال (دون اعتبار للحركات والهمزة)…</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>المطابقة السابقة (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>المطابقة التالية (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>إغلاق (Esc)</translation>
    </message>
    <message>
        <source>Whole words: كيري finds وكيري and لكيري but not كيريات (off: matches show while you type)</source>
        <translation>كلمات كاملة: «كيري» تجد «وكيري» و«لكيري» لا «كيريات» (عند الإيقاف: تظهر المطابقات أثناء الكتابة)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>لا مطابقات</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} من {total}</translation>
    </message>
</context>
<context>
    <name>GuideBar</name>
    <message>
        <source>&lt;b&gt;Getting started:&lt;/b&gt; select words, then press a label&apos;s digit (&lt;b&gt;1&lt;/b&gt; Person, &lt;b&gt;2&lt;/b&gt; Organisation…) to tag them</source>
        <translation>&lt;b&gt;للبدء:&lt;/b&gt; حدّد كلمات ثم اضغط رقم الوسم (&lt;b&gt;1&lt;/b&gt; شخص، &lt;b&gt;2&lt;/b&gt; منظمة…) لوسمها</translation>
    </message>
    <message>
        <source>&lt;b&gt;N&lt;/b&gt; / &lt;b&gt;P&lt;/b&gt; next / previous annotation</source>
        <translation>&lt;b&gt;N&lt;/b&gt; / &lt;b&gt;P&lt;/b&gt; التعليق التالي / السابق</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ctrl+Z&lt;/b&gt; undo — every edit is saved at once</source>
        <translation>&lt;b&gt;Ctrl+Z&lt;/b&gt; تراجع — كل تعديل يُحفظ فورًا</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ctrl+Shift+F&lt;/b&gt; search all articles</source>
        <translation>&lt;b&gt;Ctrl+Shift+F&lt;/b&gt; البحث في كل المقالات</translation>
    </message>
    <message>
        <source>&lt;b&gt;F1&lt;/b&gt; all shortcuts</source>
        <translation>&lt;b&gt;F1&lt;/b&gt; كل الاختصارات</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>فهمت</translation>
    </message>
    <message>
        <source>Hide this guide (Help → Getting Started shows it again)</source>
        <translation>إخفاء هذا الدليل (مساعدة ← البدء يعيد عرضه)</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import Articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <source>Articles ({patterns})</source>
        <translation>المقالات ({patterns})</translation>
    </message>
    <message>
        <source>Text and Markdown (*.txt *.text *.md *.markdown)</source>
        <translation>نص وMarkdown (*.txt *.text *.md *.markdown)</translation>
    </message>
    <message>
        <source>Web pages (*.html *.htm *.xhtml *.shtml)</source>
        <translation>صفحات ويب (*.html *.htm *.xhtml *.shtml)</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>E-mail (*.eml)</source>
        <translation>بريد إلكتروني (*.eml)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>كل الملفات (*)</translation>
    </message>
    <message>
        <source>Import Folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <source>Import UIMA CAS XMI</source>
        <translation>استيراد UIMA CAS XMI</translation>
    </message>
    <message>
        <source>Import brat</source>
        <translation>استيراد brat</translation>
    </message>
    <message>
        <source>INCEpTION exports (*.zip *.xmi)</source>
        <translation>ملفات صدّرها INCEpTION (*.zip *.xmi)</translation>
    </message>
    <message>
        <source>Zip of brat files (*.zip)</source>
        <translation>أرشيف zip لملفات brat (*.zip)</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>جارٍ استيراد {file}…</translation>
    </message>
    <message numerus="yes">
        <source>Imported {file}: %n article(s)</source>
        <translation>
            <numerusform>استُورد {file}: لا مقالات</numerusform>
            <numerusform>استُورد {file}: مقال واحد</numerusform>
            <numerusform>استُورد {file}: مقالان</numerusform>
            <numerusform>استُورد {file}: %n مقالات</numerusform>
            <numerusform>استُورد {file}: %n مقالاً</numerusform>
            <numerusform>استُورد {file}: %n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already in the project, skipped.</source>
        <translation>
            <numerusform>لا شيء موجود سلفاً في المشروع.</numerusform>
            <numerusform>مقال واحد موجود سلفاً في المشروع، تُرك.</numerusform>
            <numerusform>مقالان موجودان سلفاً في المشروع، تُركا.</numerusform>
            <numerusform>%n مقالات موجودة سلفاً في المشروع، تُركت.</numerusform>
            <numerusform>%n مقالاً موجوداً سلفاً في المشروع، تُركت.</numerusform>
            <numerusform>%n مقال موجود سلفاً في المشروع، تُركت.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing… (%n more queued)</source>
        <translation>
            <numerusform>جارٍ الاستيراد…</numerusform>
            <numerusform>جارٍ الاستيراد… (دفعة أخرى في الانتظار)</numerusform>
            <numerusform>جارٍ الاستيراد… (دفعتان في الانتظار)</numerusform>
            <numerusform>جارٍ الاستيراد… (%n دفعات في الانتظار)</numerusform>
            <numerusform>جارٍ الاستيراد… (%n دفعةً في الانتظار)</numerusform>
            <numerusform>جارٍ الاستيراد… (%n دفعة في الانتظار)</numerusform>
        </translation>
    </message>
    <message>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <source>There is nothing to import there: no files were found.</source>
        <translation>لا شيء للاستيراد هناك: لم يُعثر على أي ملف.</translation>
    </message>
    <message>
        <source>Imported “{title}”.</source>
        <translation>استُورد «{title}».</translation>
    </message>
    <message>
        <source>New Article from Clipboard</source>
        <translation>مقال جديد من الحافظة</translation>
    </message>
    <message>
        <source>The clipboard holds no text. Copy an article&apos;s text (or select it on a web page and copy it), then choose New Article from Clipboard again.</source>
        <translation>لا تحوي الحافظة نصاً. انسخ نص مقال (أو حدده في صفحة ويب وانسخه)، ثم اختر «مقال جديد من الحافظة» مرة أخرى.</translation>
    </message>
    <message>
        <source>Hamish does not download web pages. Save the page (File → Save Page As… in the browser) and import the saved file, or copy the article&apos;s text.</source>
        <translation>لا ينزّل هامش صفحات الويب. احفظ الصفحة (ملف ← حفظ الصفحة باسم… في المتصفح) واستورد الملف المحفوظ، أو انسخ نص المقال.</translation>
    </message>
    <message>
        <source>New Article</source>
        <translation>مقال جديد</translation>
    </message>
    <message>
        <source>This text is already in the project; the existing article is open.</source>
        <translation>هذا النص موجود في المشروع؛ فُتح المقال الموجود.</translation>
    </message>
    <message>
        <source>New article “{title}”.</source>
        <translation>مقال جديد «{title}».</translation>
    </message>
</context>
<context>
    <name>ImportOutcome</name>
    <message>
        <source>imported  </source>
        <translation>استُورد  </translation>
    </message>
    <message>
        <source>skipped   </source>
        <translation>تُخطّي   </translation>
    </message>
    <message>
        <source>failed    </source>
        <translation>فشل    </translation>
    </message>
    <message>
        <source>already in the project as “{title}” (article {id})</source>
        <translation>موجود في المشروع باسم «{title}» (المقال {id})</translation>
    </message>
    <message>
        <source>This file {reason}</source>
        <translation>هذا الملف {reason}</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message numerus="yes">
        <source>Importing… (%n more queued)</source>
        <translation>
            <numerusform>جارٍ الاستيراد…</numerusform>
            <numerusform>جارٍ الاستيراد… (دفعة أخرى في الانتظار)</numerusform>
            <numerusform>جارٍ الاستيراد… (دفعتان في الانتظار)</numerusform>
            <numerusform>جارٍ الاستيراد… (%n دفعات في الانتظار)</numerusform>
            <numerusform>جارٍ الاستيراد… (%n دفعةً في الانتظار)</numerusform>
            <numerusform>جارٍ الاستيراد… (%n دفعة في الانتظار)</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing {file}</source>
        <translation>جارٍ استيراد {file}</translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation>سيُلغى بعد الملف الحالي…</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <source>Import Summary</source>
        <translation>ملخص الاستيراد</translation>
    </message>
    <message>
        <source>File</source>
        <translation>الملف</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>النتيجة</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>مستورَد</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>متخطّى</translation>
    </message>
    <message>
        <source>Already in the project as “{title}” (article {id})</source>
        <translation>موجود في المشروع باسم «{title}» (المقال {id})</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>فشل</translation>
    </message>
    <message>
        <source>&amp;Copy Report</source>
        <translation>نسخ التقرير</translation>
    </message>
</context>
<context>
    <name>IndexCatchUp</name>
    <message numerus="yes">
        <source>Indexing for search: {done} of %Ln article(s)</source>
        <translation>
            <numerusform>فهرسة للبحث: {done} من المقالات</numerusform>
            <numerusform>فهرسة للبحث: {done} من مقال واحد</numerusform>
            <numerusform>فهرسة للبحث: {done} من مقالين</numerusform>
            <numerusform>فهرسة للبحث: {done} من %Ln مقالات</numerusform>
            <numerusform>فهرسة للبحث: {done} من %Ln مقالاً</numerusform>
            <numerusform>فهرسة للبحث: {done} من %Ln مقال</numerusform>
        </translation>
    </message>
    <message>
        <source>Articles not indexed yet do not appear in search results; they will within about {seconds} s.</source>
        <translation>لا تظهر المقالات غير المفهرسة بعدُ في نتائج البحث؛ ستظهر خلال {seconds} ثانية تقريباً.</translation>
    </message>
</context>
<context>
    <name>LabelEditor</name>
    <message>
        <source>Entity (background)</source>
        <translation>كيان (خلفية ملونة)</translation>
    </message>
    <message>
        <source>Span (background)</source>
        <translation>مقطع (خلفية ملونة)</translation>
    </message>
    <message>
        <source>Claim (underline)</source>
        <translation>ادعاء (خط تحته)</translation>
    </message>
    <message>
        <source>Note (dotted underline)</source>
        <translation>ملاحظة (خط منقّط تحته)</translation>
    </message>
    <message>
        <source>Edit Label</source>
        <translation>تحرير الوسم</translation>
    </message>
    <message>
        <source>New Label</source>
        <translation>وسم جديد</translation>
    </message>
    <message>
        <source>None</source>
        <translation>بلا</translation>
    </message>
    <message>
        <source>{digit} (now {label})</source>
        <translation>{digit} (الآن لـ{label})</translation>
    </message>
    <message>
        <source>English name</source>
        <translation>الاسم بالإنجليزية</translation>
    </message>
    <message>
        <source>Arabic name</source>
        <translation>الاسم بالعربية</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <source>Shortcut key</source>
        <translation>مفتاح الاختصار</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>لون الوسم</translation>
    </message>
    <message>
        <source>Give the label a name.</source>
        <translation>أعطِ الوسم اسماً.</translation>
    </message>
</context>
<context>
    <name>LabelManager</name>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>إضافة…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>تحرير…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>حذف…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>LegendDialog</name>
    <message>
        <source>Suggestion Legend</source>
        <translation>دليل الاقتراحات</translation>
    </message>
    <message>
        <source>A coloured background: a tag you made (an entity or a passage).</source>
        <translation>خلفية ملوّنة: وسم وضعتَه أنت (كيان أو مقطع).</translation>
    </message>
    <message>
        <source>A solid underline: a claim you tagged.</source>
        <translation>خط متصل تحت النص: ادعاء وسمتَه أنت.</translation>
    </message>
    <message>
        <source>Dashed, strong: a suggestion Hamish is sure of (80 % or more).</source>
        <translation>خط متقطع قوي: اقتراح يثق به هامش (80٪ فأكثر).</translation>
    </message>
    <message>
        <source>Dashed, medium: a likely suggestion (60 to 79 %).</source>
        <translation>خط متقطع متوسط: اقتراح مرجَّح (من 60 إلى 79٪).</translation>
    </message>
    <message>
        <source>Dashed, faint: a doubtful suggestion (below 60 %), shown only when you lower the threshold.</source>
        <translation>خط متقطع باهت: اقتراح مشكوك فيه (أقل من 60٪)، لا يظهر إلا إذا خفّضت عتبة الثقة.</translation>
    </message>
    <message>
        <source>A suggestion is only an offer: nothing is tagged until you accept it. Each one says where it comes from and how sure it is:</source>
        <translation>الاقتراح مجرد عرض: لا يُوسَم شيء حتى تقبله. ويذكر كل اقتراح مصدره ومدى الثقة فيه:</translation>
    </message>
    <message>
        <source>a name by the words around it (a title, a work&apos;s credits, a list, a family), a claim after a verb of saying</source>
        <translation>اسم تدل عليه الكلمات حوله (لقب أو منصب، أو أسماء صانعي عمل فني، أو قائمة، أو أسرة)، وادعاء بعد فعل قول</translation>
    </message>
    <message>
        <source>a name or alias of an entity in your registry</source>
        <translation>اسم كيان في سجلك أو أحد أسمائه البديلة</translation>
    </message>
    <message>
        <source>Hamish&apos;s list of countries, cities, organisations and well-known persons</source>
        <translation>قائمة هامش للدول والمدن والمنظمات والشخصيات المعروفة</translation>
    </message>
    <message>
        <source>learnt from your own tags in this project</source>
        <translation>مُتعلَّم من وسومك أنت في هذا المشروع</translation>
    </message>
    <message>
        <source>Enter accepts a suggestion and Delete rejects it, in the reader and in the Review Queue. A rejected string is not offered again between the same words. The threshold in the Review Queue hides the suggestions below it.</source>
        <translation>يقبل Enter الاقتراح ويرفضه Delete، في القارئ وفي قائمة المراجعة. والنص المرفوض لا يُقترح مرة أخرى بين الكلمات نفسها. وتُخفي عتبة الثقة في قائمة المراجعة الاقتراحات التي دونها.</translation>
    </message>
</context>
<context>
    <name>LibraryDock</name>
    <message>
        <source>Library</source>
        <translation>المكتبة</translation>
    </message>
    <message>
        <source>Filter articles…</source>
        <translation>تصفية المقالات…</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>Tagged passages (annotations) in the article</source>
        <translation>المقاطع الموسومة (التعليقات) في المقال</translation>
    </message>
    <message>
        <source>Publication date (— when the article has none: sorted by date, those come last)</source>
        <translation>تاريخ النشر (— للمقال الذي لا تاريخ له: وعند الترتيب بالتاريخ تأتي هذه المقالات أخيرًا)</translation>
    </message>
    <message>
        <source>Published {date}</source>
        <translation>نُشر في {date}</translation>
    </message>
    <message>
        <source>Imported {date} (no publication date)</source>
        <translation>استُورد في {date} (بلا تاريخ نشر)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>لا أحرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%Ln أحرف</numerusform>
            <numerusform>%Ln حرفاً</numerusform>
            <numerusform>%Ln حرف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>لا تعليقات</numerusform>
            <numerusform>تعليق واحد</numerusform>
            <numerusform>تعليقان</numerusform>
            <numerusform>%n تعليقات</numerusform>
            <numerusform>%n تعليقاً</numerusform>
            <numerusform>%n تعليق</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Lists</name>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>ملف</translation>
    </message>
    <message>
        <source>Recent &amp;Projects</source>
        <translation>المشاريع الأخيرة</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>مقال</translation>
    </message>
    <message>
        <source>&amp;Tag</source>
        <translation>وسم</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>عرض</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>المظهر</translation>
    </message>
    <message>
        <source>&amp;Library Panel</source>
        <translation>لوحة المكتبة</translation>
    </message>
    <message>
        <source>&amp;Annotations Panel</source>
        <translation>لوحة التعليقات</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Interface &amp;Language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>&amp;Import Annotations</source>
        <translation>ا&amp;ستيراد تعليقات</translation>
    </message>
    <message>
        <source>&amp;Undo {edit}</source>
        <translation>ترا&amp;جع عن {edit}</translation>
    </message>
    <message>
        <source>&amp;Redo {edit}</source>
        <translation>إ&amp;عادة {edit}</translation>
    </message>
    <message>
        <source>Interface Language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>شريط الأدوات الرئيسي</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>&amp;Search Panel</source>
        <translation>لوحة البحث</translation>
    </message>
    <message>
        <source>Review &amp;Queue</source>
        <translation>قائمة المراجعة</translation>
    </message>
    <message>
        <source>&amp;Entities Panel</source>
        <translation>لوحة الكيانات</translation>
    </message>
    <message>
        <source>Claim &amp;Editor</source>
        <translation>محرر الادعاء</translation>
    </message>
    <message>
        <source>&amp;Claims Table</source>
        <translation>جدول الادعاءات</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>تعذّر فتح المشروع</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>فتح مشروع</translation>
    </message>
    <message>
        <source>Hamish projects (*{suffix});;All files (*)</source>
        <translation>مشاريع هامش (*{suffix});;كل الملفات (*)</translation>
    </message>
    <message>
        <source>New Project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <source>Hamish projects (*{suffix})</source>
        <translation>مشاريع هامش (*{suffix})</translation>
    </message>
    <message>
        <source>Cannot create project</source>
        <translation>تعذّر إنشاء المشروع</translation>
    </message>
    <message>
        <source>{path} already exists. Open it with File → Open Project, or choose another name.</source>
        <translation>{path} موجود مسبقاً. افتحه من ملف ← فتح مشروع، أو اختر اسماً آخر.</translation>
    </message>
    <message>
        <source>The project opened with a warning</source>
        <translation>فُتح المشروع مع تنبيه</translation>
    </message>
    <message>
        <source>Warning: {problem}</source>
        <translation>تنبيه: {problem}</translation>
    </message>
    <message>
        <source>Cannot back up the project</source>
        <translation>تعذّر أخذ نسخة احتياطية من المشروع</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>حُفظت نسخة احتياطية في {file}.</translation>
    </message>
    <message>
        <source>Cannot restore the backup</source>
        <translation>تعذّرت استعادة النسخة الاحتياطية</translation>
    </message>
    <message>
        <source>An import is still running; restore the backup once it has finished.</source>
        <translation>ما زال استيراد جاريًا؛ استعد النسخة الاحتياطية بعد انتهائه.</translation>
    </message>
    <message>
        <source>Restore Backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <source>Replace {project} with the backup {backup}? What the project holds now is backed up first: restore that backup to undo this.</source>
        <translation>أتستبدل بـ{project} النسخة الاحتياطية {backup}؟ يُحفظ ما في المشروع الآن في نسخة احتياطية أولًا: استعدها للتراجع عن هذا.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>استعادة</translation>
    </message>
    <message>
        <source>Restored {backup}. What the project held before is kept as {saved}.</source>
        <translation>استُعيدت {backup}. حُفظ ما كان في المشروع قبلها في {saved}.</translation>
    </message>
    <message>
        <source>Cannot open article</source>
        <translation>تعذّر فتح المقال</translation>
    </message>
    <message>
        <source>The article text changed: {moved} annotation(s) re-anchored by their quote, {orphaned} orphaned (see the Annotations panel).</source>
        <translation>تغيّر نص المقال: عدد التعليقات المُعاد تثبيتها بنصها المقتبس: {moved}، وعدد الفاقدة لموضعها: {orphaned} (انظر لوحة التعليقات).</translation>
    </message>
    <message>
        <source>Place the cursor on a tagged entity, or choose one in the Entities panel.</source>
        <translation>ضع المؤشر على كيان موسوم، أو اختر كياناً في لوحة الكيانات.</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالان</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالاً</numerusform>
            <numerusform>%n مقال</numerusform>
        </translation>
    </message>
    <message>
        <source>Reader Font</source>
        <translation>خط القراءة</translation>
    </message>
    <message>
        <source>Your Name</source>
        <translation>اسمك</translation>
    </message>
    <message>
        <source>The name recorded on your annotations and as a briefing&apos;s author:</source>
        <translation>الاسم المسجل على تعليقاتك وبوصفك كاتب الإحاطة:</translation>
    </message>
    <message>
        <source>Retrain Suggestions</source>
        <translation>إعادة تدريب الاقتراحات</translation>
    </message>
    <message>
        <source>Train the suggestions again after this many new entity tags and decisions ({low} to {high}):</source>
        <translation>درّب الاقتراحات من جديد بعد هذا العدد من وسوم الكيانات والقرارات الجديدة (من {low} إلى {high}):</translation>
    </message>
    <message>
        <source>Give a whole number from {low} to {high}; the setting is unchanged.</source>
        <translation>أدخل عدداً صحيحاً من {low} إلى {high}؛ لم يتغيّر الإعداد.</translation>
    </message>
    <message numerus="yes">
        <source>Suggestions will learn again after %n new tag(s) or decision(s).</source>
        <translation>
            <numerusform>ستتعلّم الاقتراحات من جديد بعد %n وسوم أو قرارات جديدة.</numerusform>
            <numerusform>ستتعلّم الاقتراحات من جديد بعد وسم أو قرار جديد واحد.</numerusform>
            <numerusform>ستتعلّم الاقتراحات من جديد بعد وسمين أو قرارين جديدين.</numerusform>
            <numerusform>ستتعلّم الاقتراحات من جديد بعد %n وسوم أو قرارات جديدة.</numerusform>
            <numerusform>ستتعلّم الاقتراحات من جديد بعد %n وسماً أو قراراً جديداً.</numerusform>
            <numerusform>ستتعلّم الاقتراحات من جديد بعد %n وسم أو قرار جديد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Hamish</source>
        <translation>هامش</translation>
    </message>
</context>
<context>
    <name>ManageLabels</name>
    <message>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
</context>
<context>
    <name>MentionsDialog</name>
    <message>
        <source>Find All Mentions — {name}</source>
        <translation>العثور على كل الإشارات — {name}</translation>
    </message>
    <message>
        <source>Reading the articles…</source>
        <translation>جارٍ قراءة المقالات…</translation>
    </message>
    <message numerus="yes">
        <source>Reading the articles: {done} of %Ln</source>
        <translation>
            <numerusform>جارٍ قراءة المقالات: {done} من %Ln</numerusform>
            <numerusform>جارٍ قراءة المقالات: {done} من مقال واحد</numerusform>
            <numerusform>جارٍ قراءة المقالات: {done} من مقالين</numerusform>
            <numerusform>جارٍ قراءة المقالات: {done} من %Ln مقالات</numerusform>
            <numerusform>جارٍ قراءة المقالات: {done} من %Ln مقالاً</numerusform>
            <numerusform>جارٍ قراءة المقالات: {done} من %Ln مقال</numerusform>
        </translation>
    </message>
    <message>
        <source>Aliases searched (with و ف ب ك ل before them): {aliases}</source>
        <translation>الأسماء المبحوث عنها (مع و ف ب ك ل قبلها): {aliases}</translation>
    </message>
    <message>
        <source>Open article</source>
        <translation>المقال المفتوح</translation>
    </message>
    <message>
        <source>Add alias…</source>
        <translation>إضافة اسم بديل…</translation>
    </message>
    <message>
        <source>Add Alias</source>
        <translation>إضافة اسم بديل</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Occurrence</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>Accept All</source>
        <translation>قبول الكل</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <source>Searching the articles…</source>
        <translation>جارٍ البحث في المقالات…</translation>
    </message>
    <message numerus="yes">
        <source>%n untagged occurrence(s); checking the tagged articles: {done} of {total}</source>
        <translation>
            <numerusform>لا مواضع غير موسومة؛ جارٍ فحص المقالات الموسومة: {done} من {total}</numerusform>
            <numerusform>موضع واحد غير موسوم؛ جارٍ فحص المقالات الموسومة: {done} من {total}</numerusform>
            <numerusform>موضعان غير موسومين؛ جارٍ فحص المقالات الموسومة: {done} من {total}</numerusform>
            <numerusform>%n مواضع غير موسومة؛ جارٍ فحص المقالات الموسومة: {done} من {total}</numerusform>
            <numerusform>%n موضعاً غير موسوم؛ جارٍ فحص المقالات الموسومة: {done} من {total}</numerusform>
            <numerusform>%n موضع غير موسوم؛ جارٍ فحص المقالات الموسومة: {done} من {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n untagged occurrence(s) so far; searching the articles: {done} of {total}</source>
        <translation>
            <numerusform>لا مواضع غير موسومة حتى الآن؛ جارٍ البحث في المقالات: {done} من {total}</numerusform>
            <numerusform>موضع واحد غير موسوم حتى الآن؛ جارٍ البحث في المقالات: {done} من {total}</numerusform>
            <numerusform>موضعان غير موسومين حتى الآن؛ جارٍ البحث في المقالات: {done} من {total}</numerusform>
            <numerusform>%n مواضع غير موسومة حتى الآن؛ جارٍ البحث في المقالات: {done} من {total}</numerusform>
            <numerusform>%n موضعاً غير موسوم حتى الآن؛ جارٍ البحث في المقالات: {done} من {total}</numerusform>
            <numerusform>%n موضع غير موسوم حتى الآن؛ جارٍ البحث في المقالات: {done} من {total}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Searching the articles: {done} of %Ln</source>
        <translation>
            <numerusform>جارٍ البحث في المقالات: {done} من %Ln</numerusform>
            <numerusform>جارٍ البحث في المقالات: {done} من مقال واحد</numerusform>
            <numerusform>جارٍ البحث في المقالات: {done} من مقالين</numerusform>
            <numerusform>جارٍ البحث في المقالات: {done} من %Ln مقالات</numerusform>
            <numerusform>جارٍ البحث في المقالات: {done} من %Ln مقالاً</numerusform>
            <numerusform>جارٍ البحث في المقالات: {done} من %Ln مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n untagged occurrence(s)</source>
        <translation>
            <numerusform>لا مواضع غير موسومة</numerusform>
            <numerusform>موضع واحد غير موسوم</numerusform>
            <numerusform>موضعان غير موسومين</numerusform>
            <numerusform>%n مواضع غير موسومة</numerusform>
            <numerusform>%n موضعاً غير موسوم</numerusform>
            <numerusform>%n موضع غير موسوم</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MetadataDialog</name>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>غير معروفة</translation>
    </message>
    <message>
        <source>Edit Metadata</source>
        <translation>تحرير البيانات الوصفية</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <source>&amp;Outlet / source</source>
        <translation>الوسيلة الإعلامية / المصدر</translation>
    </message>
    <message>
        <source>&amp;Author</source>
        <translation>الكاتب</translation>
    </message>
    <message>
        <source>&amp;URL</source>
        <translation>الرابط (URL)</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>سنة-شهر-يوم</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>Right to left</source>
        <translation>من اليمين إلى اليسار</translation>
    </message>
    <message>
        <source>Left to right</source>
        <translation>من اليسار إلى اليمين</translation>
    </message>
    <message>
        <source>D&amp;irection</source>
        <translation>الاتجاه</translation>
    </message>
    <message>
        <source>Where the article was imported from</source>
        <translation>المكان الذي استُورد منه المقال</translation>
    </message>
    <message>
        <source>Imported from</source>
        <translation>مستورد من</translation>
    </message>
    <message>
        <source>Import notes</source>
        <translation>ملاحظات الاستيراد</translation>
    </message>
</context>
<context>
    <name>MetadataEditor</name>
    <message>
        <source>Open an article first.</source>
        <translation>افتح مقالاً أولاً.</translation>
    </message>
    <message>
        <source>Edit Metadata</source>
        <translation>تحرير البيانات الوصفية</translation>
    </message>
    <message>
        <source>Cannot save the change</source>
        <translation>تعذّر حفظ التغيير</translation>
    </message>
</context>
<context>
    <name>ModelTrainer</name>
    <message>
        <source>The project&apos;s suggestion model was damaged and will be retrained.</source>
        <translation>نموذج الاقتراحات في المشروع تالف، وسيُدرَّب من جديد.</translation>
    </message>
    <message>
        <source>Suggestions could not learn from your tags: {reason}</source>
        <translation>تعذّر على الاقتراحات أن تتعلّم من وسومك: {reason}</translation>
    </message>
    <message>
        <source>Learning from your tags…</source>
        <translation>يتعلّم من وسومك…</translation>
    </message>
    <message>
        <source>Suggestions are learning from your tags and decisions in the background; you can keep working</source>
        <translation>تتعلّم الاقتراحات من وسومك وقراراتك في الخلفية؛ يمكنك مواصلة العمل</translation>
    </message>
    <message>
        <source>Suggestions learnt from {names} in {articles}.</source>
        <translation>تعلّمت الاقتراحات من {names} في {articles}.</translation>
    </message>
    <message numerus="yes">
        <source>%n name(s)</source>
        <translation>
            <numerusform>لا أسماء</numerusform>
            <numerusform>اسم واحد</numerusform>
            <numerusform>اسمين</numerusform>
            <numerusform>%n أسماء</numerusform>
            <numerusform>%n اسماً</numerusform>
            <numerusform>%n اسم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>لا مقالات</numerusform>
            <numerusform>مقال واحد</numerusform>
            <numerusform>مقالين</numerusform>
            <numerusform>%n مقالات</numerusform>
            <numerusform>%n مقالاً</numerusform>
            <numerusform>%n مقال</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Claim suggestions learnt from %n claim(s).</source>
        <translation>
            <numerusform>تعلّمت اقتراحات الادعاءات من %n ادعاء.</numerusform>
            <numerusform>تعلّمت اقتراحات الادعاءات من ادعاء واحد.</numerusform>
            <numerusform>تعلّمت اقتراحات الادعاءات من ادعاءين.</numerusform>
            <numerusform>تعلّمت اقتراحات الادعاءات من %n ادعاءات.</numerusform>
            <numerusform>تعلّمت اقتراحات الادعاءات من %n ادعاءً.</numerusform>
            <numerusform>تعلّمت اقتراحات الادعاءات من %n ادعاء.</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggestions have learnt from your latest tags.</source>
        <translation>تعلّمت الاقتراحات من أحدث وسومك.</translation>
    </message>
</context>
<context>
    <name>NamePartsBar</name>
    <message>
        <source>Add as Aliases</source>
        <translation>إضافتها أسماءً بديلة</translation>
    </message>
    <message>
        <source>Add the ticked parts as aliases (Enter)</source>
        <translation>إضافة الأجزاء المحددة أسماءً بديلة (Enter)</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>ليس الآن</translation>
    </message>
    <message>
        <source>Add nothing (Esc); Tag → Offer Name Parts as Aliases turns the offer off</source>
        <translation>عدم إضافة شيء (Esc)؛ لإيقاف هذا الاقتراح: وسم ← اقتراح أجزاء الاسم أسماءً بديلة</translation>
    </message>
    <message>
        <source>{key}: answer from the keyboard</source>
        <translation>{key}: للإجابة من لوحة المفاتيح</translation>
    </message>
    <message>
        <source>New person {name}: add as aliases?</source>
        <translation>شخص جديد {name}: إضافة أسماء بديلة؟</translation>
    </message>
    <message>
        <source>{part} (already a name of {entity})</source>
        <translation>{part} (اسمٌ لـ{entity} من قبل)</translation>
    </message>
    <message numerus="yes">
        <source>%n more waiting</source>
        <translation>
            <numerusform>لا اقتراحات أخرى تنتظر</numerusform>
            <numerusform>اقتراح آخر ينتظر</numerusform>
            <numerusform>اقتراحان آخران ينتظران</numerusform>
            <numerusform>%n اقتراحات أخرى تنتظر</numerusform>
            <numerusform>%n اقتراحاً آخر ينتظر</numerusform>
            <numerusform>%n اقتراح آخر ينتظر</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NamePartsController</name>
    <message>
        <source>No name parts are waiting to be added.</source>
        <translation>لا أجزاء أسماء تنتظر الإضافة.</translation>
    </message>
    <message>
        <source>Cannot add the aliases</source>
        <translation>تعذّرت إضافة الأسماء البديلة</translation>
    </message>
    <message>
        <source>Added as aliases: {parts}</source>
        <translation>أُضيفت أسماءً بديلة: {parts}</translation>
    </message>
</context>
<context>
    <name>NetworkController</name>
    <message>
        <source>This network would be made of more pairs of entities named together than Hamish can draw: filter by type, articles or dates.</source>
        <translation>هذه الشبكة أكبر مما يستطيع هامش رسمه: أزواج الكيانات المذكورة معاً فيها كثيرة جداً. صفِّها حسب النوع أو المقالات أو التواريخ.</translation>
    </message>
    <message>
        <source>This network would be made of more pairs of entities named together than Hamish can draw: choose the sentence level, or filter by type, articles or dates.</source>
        <translation>هذه الشبكة أكبر مما يستطيع هامش رسمه: أزواج الكيانات المذكورة معاً فيها كثيرة جداً. اختر مستوى الجملة، أو صفِّها حسب النوع أو المقالات أو التواريخ.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message numerus="yes">
        <source>{a} and {b}: %n passage(s)</source>
        <translation>
            <numerusform>{a} و{b}: لا مقاطع</numerusform>
            <numerusform>{a} و{b}: مقطع واحد</numerusform>
            <numerusform>{a} و{b}: مقطعان</numerusform>
            <numerusform>{a} و{b}: %n مقاطع</numerusform>
            <numerusform>{a} و{b}: %n مقطعاً</numerusform>
            <numerusform>{a} و{b}: %n مقطع</numerusform>
        </translation>
    </message>
    <message>
        <source>betweenness {value}</source>
        <translation>البينية {value}</translation>
    </message>
    <message>
        <source>Export the network as PNG</source>
        <translation>تصدير الشبكة صورةً PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>صورة PNG (*.png)</translation>
    </message>
    <message>
        <source>Export the network as SVG</source>
        <translation>تصدير الشبكة صورةً SVG</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>صورة SVG (*.svg)</translation>
    </message>
    <message>
        <source>Entity network</source>
        <translation>شبكة الكيانات</translation>
    </message>
    <message>
        <source>Cannot export the network</source>
        <translation>تعذّر تصدير الشبكة</translation>
    </message>
</context>
<context>
    <name>NetworkDock</name>
    <message>
        <source>Same sentence</source>
        <translation>الجملة نفسها</translation>
    </message>
    <message>
        <source>Same paragraph</source>
        <translation>الفقرة نفسها</translation>
    </message>
    <message>
        <source>Same article</source>
        <translation>المقال نفسه</translation>
    </message>
    <message>
        <source>Entity Network</source>
        <translation>شبكة الكيانات</translation>
    </message>
    <message>
        <source>What counts as appearing together</source>
        <translation>ما يُعدّ ظهوراً معاً</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>الأنواع</translation>
    </message>
    <message>
        <source>Articles…</source>
        <translation>المقالات…</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>التواريخ</translation>
    </message>
    <message>
        <source>Weight ≥ </source>
        <translation>الوزن ≥ </translation>
    </message>
    <message>
        <source>Leave out lighter links</source>
        <translation>استبعاد الروابط الأخف</translation>
    </message>
    <message>
        <source>Fit to view</source>
        <translation>ملاءمة العرض</translation>
    </message>
    <message>
        <source>Betweenness</source>
        <translation>البينية</translation>
    </message>
    <message>
        <source>Compute betweenness: who stands between the others (shown in the tips)</source>
        <translation>حساب البينية: من يقف وسيطاً بين الآخرين (تظهر في التلميحات)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>تصدير PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>تصدير SVG…</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>المقطع</translation>
    </message>
</context>
<context>
    <name>NetworkLegend</name>
    <message>
        <source>A red link: one of them made a claim about the other.</source>
        <translation>رابط أحمر: أحدهما أدلى بادعاء عن الآخر.</translation>
    </message>
    <message>
        <source>Thicker: named together more often</source>
        <translation>الأسمك: ذُكرا معاً أكثر</translation>
    </message>
    <message>
        <source>A link&apos;s thickness grows with the passages that name the two together.</source>
        <translation>يزداد سُمك الرابط بعدد المقاطع التي تذكر الاثنين معاً.</translation>
    </message>
</context>
<context>
    <name>NetworkScene</name>
    <message>
        <source>Claim: claimant → subject</source>
        <translation>ادعاء: القائل ← الموضوع</translation>
    </message>
    <message>
        <source>No entities yet: tag people, organisations and places in the articles, and who appears with whom will show here.</source>
        <translation>لا كيانات بعد: ضع وسوماً على الأشخاص والمنظمات والأماكن في المقالات، وسيظهر هنا من يظهر مع من.</translation>
    </message>
    <message>
        <source>No entity matches the filters. {articles} without a publication date are left out by the date filter: give them one with Article → Edit Metadata (Ctrl+Shift+D), or untick Dates.</source>
        <translation>لا كيان يطابق عوامل التصفية. {articles} بلا تاريخ نشر يستبعدها مرشّح التواريخ: أعطها تاريخاً من مقال ← تحرير البيانات الوصفية (Ctrl+Shift+D)، أو ألغِ تحديد «التواريخ».</translation>
    </message>
    <message>
        <source>minimum weight {weight}</source>
        <translation>الحد الأدنى للوزن {weight}</translation>
    </message>
    <message>
        <source>the types chosen</source>
        <translation>الأنواع المختارة</translation>
    </message>
    <message>
        <source>the articles chosen</source>
        <translation>المقالات المختارة</translation>
    </message>
    <message>
        <source>the dates</source>
        <translation>التواريخ</translation>
    </message>
    <message>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <source>No entity matches the filters ({filters}): loosen one of them.</source>
        <translation>لا كيان يطابق عوامل التصفية ({filters}): خفِّف أحدها.</translation>
    </message>
    <message>
        <source>No entity matches the filters: show more types, articles or dates.</source>
        <translation>لا كيان يطابق عوامل التصفية: أظهر مزيداً من الأنواع أو المقالات أو التواريخ.</translation>
    </message>
    <message>
        <source>No entity is named with another in these articles.</source>
        <translation>لا يُذكر في هذه المقالات كيانٌ مع كيانٍ آخر.</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>Your note on this passage…</source>
        <translation>ملاحظتك على هذا المقطع…</translation>
    </message>
</context>
<context>
    <name>OverflowToolBar</name>
    <message>
        <source>More</source>
        <translation>المزيد</translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message>
        <source>Not everything was done</source>
        <translation>لم يُنجز كل شيء</translation>
    </message>
</context>
<context>
    <name>ReadOnlyBar</name>
    <message>
        <source>&lt;b&gt;Read-only:&lt;/b&gt; this project&apos;s file, folder or disk cannot be written. You can read, search and export it; editing is turned off.</source>
        <translation>&lt;b&gt;للقراءة فقط:&lt;/b&gt; لا تمكن الكتابة في ملف هذا المشروع أو مجلده أو قرصه. يمكنك قراءته والبحث فيه وتصديره؛ أما التعديل فمعطّل.</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <source>Arabic</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>Unknown language</source>
        <translation>لغة غير معروفة</translation>
    </message>
    <message numerus="yes">
        <source>%Ln character(s)</source>
        <translation>
            <numerusform>لا أحرف</numerusform>
            <numerusform>حرف واحد</numerusform>
            <numerusform>حرفان</numerusform>
            <numerusform>%Ln أحرف</numerusform>
            <numerusform>%Ln حرفاً</numerusform>
            <numerusform>%Ln حرف</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecentProjects</name>
    <message>
        <source>{name} (missing)</source>
        <translation>{name} (غير موجود)</translation>
    </message>
    <message>
        <source>No Recent Projects</source>
        <translation>لا مشاريع حديثة</translation>
    </message>
</context>
<context>
    <name>RemoveLabelDialog</name>
    <message>
        <source>Remove label {name}</source>
        <translation>حذف الوسم {name}</translation>
    </message>
    <message numerus="yes">
        <source>“{name}” is used by %n annotation(s).</source>
        <translation>
            <numerusform>الوسم «{name}» غير مستخدم في أي تعليق.</numerusform>
            <numerusform>الوسم «{name}» مستخدم في تعليق واحد.</numerusform>
            <numerusform>الوسم «{name}» مستخدم في تعليقين.</numerusform>
            <numerusform>الوسم «{name}» مستخدم في %n تعليقات.</numerusform>
            <numerusform>الوسم «{name}» مستخدم في %n تعليقاً.</numerusform>
            <numerusform>الوسم «{name}» مستخدم في %n تعليق.</numerusform>
        </translation>
    </message>
    <message>
        <source>Move them to</source>
        <translation>نقلها إلى</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>حذفها</translation>
    </message>
    <message>
        <source>Remove Label</source>
        <translation>حذف الوسم</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>articles</source>
        <translation>المقالات</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>الملخص التنفيذي</translation>
    </message>
    <message>
        <source>claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <source>contradictions</source>
        <translation>الادعاءات المتناقضة</translation>
    </message>
    <message>
        <source>entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <source>excerpts</source>
        <translation>المقتطفات والملاحظات</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>المصادر</translation>
    </message>
    <message>
        <source>texts</source>
        <translation>النصوص الكاملة</translation>
    </message>
    <message>
        <source>figures</source>
        <translation>الأشكال</translation>
    </message>
    <message>
        <source>cover</source>
        <translation>صفحة الغلاف</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>حُفظت الإحاطة</translation>
    </message>
    <message>
        <source>Export Briefing</source>
        <translation>تصدير إحاطة</translation>
    </message>
    <message>
        <source>العربية (Arabic)</source>
        <translation>العربية</translation>
    </message>
    <message>
        <source>English</source>
        <translation>الإنجليزية</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>العنوان:</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>المُعِدّ:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>التاريخ:</translation>
    </message>
    <message>
        <source>&amp;Handling:</source>
        <translation>التداول:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>النطاق</translation>
    </message>
    <message>
        <source>&amp;Current article</source>
        <translation>المقال الحالي</translation>
    </message>
    <message>
        <source>&amp;Selected articles</source>
        <translation>مقالات مختارة</translation>
    </message>
    <message>
        <source>&amp;Whole project</source>
        <translation>المشروع كاملاً</translation>
    </message>
    <message>
        <source>Saved &amp;filter</source>
        <translation>تصفية محفوظة</translation>
    </message>
    <message>
        <source>Any label</source>
        <translation>أي وسم</translation>
    </message>
    <message>
        <source>Any entity</source>
        <translation>أي كيان</translation>
    </message>
    <message>
        <source>Any claim status</source>
        <translation>أي حالة ادعاء</translation>
    </message>
    <message>
        <source>No article is open.</source>
        <translation>لا مقال مفتوح.</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>لأعلى</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>لأسفل</translation>
    </message>
    <message>
        <source>Include the &amp;full text of each article, highlighted</source>
        <translation>تضمين النص الكامل لكل مقال مع إبراز التعليقات</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>الأشكال:</translation>
    </message>
    <message>
        <source>Entity &amp;network</source>
        <translation>شبكة الكيانات</translation>
    </message>
    <message>
        <source>Claim &amp;timeline</source>
        <translation>الخط الزمني للادعاءات</translation>
    </message>
    <message>
        <source>Executive &amp;summary:</source>
        <translation>الملخص التنفيذي:</translation>
    </message>
    <message>
        <source>اكتب هنا خلاصة التحليل… / Your summary…</source>
        <translation>اكتب هنا خلاصة التحليل…</translation>
    </message>
    <message>
        <source>Outline:</source>
        <translation>المخطط:</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>معاينة</translation>
    </message>
    <message>
        <source>&amp;Open the Report</source>
        <translation>فتح الإحاطة</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>تصدير…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
    <message>
        <source>(no sections chosen)</source>
        <translation>(لم يُختر أي قسم)</translation>
    </message>
    <message>
        <source>Choose at least one section to include.</source>
        <translation>اختر قسماً واحداً على الأقل لتضمينه.</translation>
    </message>
    <message>
        <source>Tick at least one article.</source>
        <translation>علّم مقالاً واحداً على الأقل.</translation>
    </message>
    <message>
        <source>Choose a label, an entity or a claim status to filter by.</source>
        <translation>اختر وسماً أو كياناً أو حالة ادعاء للتصفية بها.</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>مستندات Word (*.docx)</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>جارٍ كتابة {file}…</translation>
    </message>
    <message>
        <source>Drawing the figures…</source>
        <translation>جارٍ رسم الأشكال…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message numerus="yes">
        <source>%n claim(s)</source>
        <translation>
            <numerusform>لا ادعاءات</numerusform>
            <numerusform>ادعاء واحد</numerusform>
            <numerusform>ادعاءان</numerusform>
            <numerusform>%n ادعاءات</numerusform>
            <numerusform>%n ادعاءً</numerusform>
            <numerusform>%n ادعاء</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contradiction(s)</source>
        <translation>
            <numerusform>لا تناقضات</numerusform>
            <numerusform>تناقض واحد</numerusform>
            <numerusform>تناقضان</numerusform>
            <numerusform>%n تناقضات</numerusform>
            <numerusform>%n تناقضاً</numerusform>
            <numerusform>%n تناقض</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entity(ies)</source>
        <translation>
            <numerusform>لا كيانات</numerusform>
            <numerusform>كيان واحد</numerusform>
            <numerusform>كيانان</numerusform>
            <numerusform>%n كيانات</numerusform>
            <numerusform>%n كياناً</numerusform>
            <numerusform>%n كيان</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n excerpt(s)</source>
        <translation>
            <numerusform>لا مقتطفات</numerusform>
            <numerusform>مقتطف واحد</numerusform>
            <numerusform>مقتطفان</numerusform>
            <numerusform>%n مقتطفات</numerusform>
            <numerusform>%n مقتطفاً</numerusform>
            <numerusform>%n مقتطف</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n source(s)</source>
        <translation>
            <numerusform>لا مصادر</numerusform>
            <numerusform>مصدر واحد</numerusform>
            <numerusform>مصدران</numerusform>
            <numerusform>%n مصادر</numerusform>
            <numerusform>%n مصدراً</numerusform>
            <numerusform>%n مصدر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wrote {file} with %n figure(s): {counts}.</source>
        <translation>
            <numerusform>حُفظ الملف {file} بلا أشكال: {counts}.</numerusform>
            <numerusform>حُفظ الملف {file} مع شكل واحد: {counts}.</numerusform>
            <numerusform>حُفظ الملف {file} مع شكلين: {counts}.</numerusform>
            <numerusform>حُفظ الملف {file} مع %n أشكال: {counts}.</numerusform>
            <numerusform>حُفظ الملف {file} مع %n شكلاً: {counts}.</numerusform>
            <numerusform>حُفظ الملف {file} مع %n شكل: {counts}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrote {file}: {counts}.</source>
        <translation>حُفظ الملف {file}: {counts}.</translation>
    </message>
    <message>
        <source>The report was not written.</source>
        <translation>لم تُكتب الإحاطة.</translation>
    </message>
    <message>
        <source>Sections (tick to include; drag, or use Up and Down, to order)</source>
        <translation>الأقسام (علّم لتضمين القسم، ورتّب بالسحب أو بزرّي «لأعلى» و«لأسفل»)</translation>
    </message>
    <message>
        <source>Cancelled; no file was written.</source>
        <translation>أُلغي؛ لم يُكتب أي ملف.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>جارٍ الإلغاء…</translation>
    </message>
</context>
<context>
    <name>ReviewController</name>
    <message>
        <source>No suggestion matches these filters or the threshold.</source>
        <translation>لا اقتراح يطابق هذه التصفية أو عتبة الثقة.</translation>
    </message>
    <message>
        <source>No suggestions pending.</source>
        <translation>لا اقتراحات تنتظر المراجعة.</translation>
    </message>
    <message>
        <source>All labels</source>
        <translation>كل الوسوم</translation>
    </message>
    <message>
        <source>All sources</source>
        <translation>كل المصادر</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>كل المقالات</translation>
    </message>
    <message>
        <source>Looking for suggestions: %v of %m articles</source>
        <translation>البحث عن اقتراحات: %v من %m مقالات</translation>
    </message>
    <message>
        <source>There is no “{label}” label any more.</source>
        <translation>لم يعد الوسم «{label}» موجوداً.</translation>
    </message>
    <message>
        <source>Accept suggestion “{quote}”</source>
        <translation>قبول الاقتراح «{quote}»</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggestion(s)</source>
        <translation>
            <numerusform>قبول الاقتراحات</numerusform>
            <numerusform>قبول اقتراح واحد</numerusform>
            <numerusform>قبول اقتراحين</numerusform>
            <numerusform>قبول %n اقتراحات</numerusform>
            <numerusform>قبول %n اقتراحاً</numerusform>
            <numerusform>قبول %n اقتراح</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewDock</name>
    <message>
        <source>Review Queue</source>
        <translation>قائمة المراجعة</translation>
    </message>
    <message>
        <source>Threshold:</source>
        <translation>عتبة الثقة:</translation>
    </message>
    <message>
        <source>Hide the suggestions Hamish is less sure of (in the reader too)</source>
        <translation>إخفاء الاقتراحات الأقل ثقة (في القارئ أيضاً)</translation>
    </message>
    <message>
        <source>Show one label&apos;s suggestions</source>
        <translation>إظهار اقتراحات وسم واحد</translation>
    </message>
    <message>
        <source>Show the suggestions of one source</source>
        <translation>إظهار اقتراحات مصدر واحد</translation>
    </message>
    <message>
        <source>Show one article&apos;s suggestions</source>
        <translation>إظهار اقتراحات مقال واحد</translation>
    </message>
    <message>
        <source>Filter…</source>
        <translation>تصفية…</translation>
    </message>
    <message>
        <source>Show the suggestions whose words contain this text (hamza forms, ta marbuta and diacritics are ignored)</source>
        <translation>إظهار الاقتراحات التي تحوي كلماتُها هذا النص (دون اعتبار صور الهمزة والتاء المربوطة والتشكيل)</translation>
    </message>
    <message>
        <source>Enter or A accepts, Delete or R rejects, Space shows it in the article.</source>
        <translation>للقبول: Enter أو A، وللرفض: Delete أو R، ولعرضه في المقال: Space.</translation>
    </message>
    <message>
        <source>{score} %</source>
        <translation>{score}٪</translation>
    </message>
</context>
<context>
    <name>ReviewEngine</name>
    <message>
        <source>Suggestions unavailable: {error}</source>
        <translation>الاقتراحات غير متاحة: {error}</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>الثقة</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>المقال</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>السياق</translation>
    </message>
</context>
<context>
    <name>SavedMark</name>
    <message>
        <source>Saved</source>
        <translation>محفوظ</translation>
    </message>
    <message>
        <source>Everything is saved: every edit is written to the project file at once.</source>
        <translation>كل شيء محفوظ: يُكتب كل تعديل في ملف المشروع فورًا.</translation>
    </message>
    <message>
        <source>Saved {time}</source>
        <translation>حُفظ {time}</translation>
    </message>
    <message>
        <source>Every edit is written to the project file at once; the last one at {time}. There is nothing to save.</source>
        <translation>يُكتب كل تعديل في ملف المشروع فورًا؛ آخرها في {time}. لا شيء ينتظر الحفظ.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>title or source</source>
        <translation>العنوان أو المصدر</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>البحث</translation>
    </message>
    <message>
        <source>Search all articles: words, &quot;phrases&quot;, pre*, OR, NOT</source>
        <translation>بحث في كل المقالات: كلمات، &quot;عبارات&quot;، بادئة*، OR، NOT</translation>
    </message>
    <message>
        <source>Harakat, tatweel, hamza and alef forms, ة/ه and Latin case are ignored.
A word also matches it with و ف ب ك ل in front (كيري → وكيري، لكيري), never inside another word.
&quot;quoted words&quot; form a phrase; كير* finds words starting with كير.
Words are all required; OR, NOT and (parentheses) combine them: (كيري OR لافروف) NOT جنيف</source>
        <translation>لا اعتبار للحركات والتطويل وأشكال الهمزة والألف، ولا للفرق بين ة وه، ولا لحالة الأحرف اللاتينية.
تطابق الكلمةُ نفسَها مسبوقةً بـ و ف ب ك ل (كيري ← وكيري، لكيري)، ولا تطابق داخل كلمة أخرى.
الكلمات بين علامتي تنصيص تُعدّ عبارة واحدة؛ كير* تجد الكلمات التي تبدأ بـ كير.
كل الكلمات مطلوبة؛ وتجمعها OR وNOT والأقواس: (كيري OR لافروف) NOT جنيف</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>عوامل التصفية</translation>
    </message>
    <message>
        <source>Restrict by label, entity, claim status, source or date</source>
        <translation>تقييد النتائج بالوسم أو الكيان أو حالة الادعاء أو المصدر أو التاريخ</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>أي</translation>
    </message>
    <message>
        <source>to</source>
        <translation>إلى</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>الكيان</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>الادعاء</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>مسح عوامل التصفية</translation>
    </message>
    <message>
        <source>Show more results</source>
        <translation>إظهار مزيد من النتائج</translation>
    </message>
    <message>
        <source>Type to search every article of the project.</source>
        <translation>اكتب للبحث في كل مقالات المشروع.</translation>
    </message>
    <message>
        <source>any</source>
        <translation>أي تاريخ</translation>
    </message>
    <message>
        <source>Filters ({count})</source>
        <translation>عوامل التصفية ({count})</translation>
    </message>
    <message>
        <source>The search failed: {error}</source>
        <translation>فشل البحث: {error}</translation>
    </message>
    <message>
        <source>No article matches.</source>
        <translation>لا مقال مطابق.</translation>
    </message>
    <message numerus="yes">
        <source>More than %Ln articles match</source>
        <translation>
            <numerusform>أكثر من %Ln مقال مطابق</numerusform>
            <numerusform>أكثر من مقال واحد مطابق</numerusform>
            <numerusform>أكثر من مقالين مطابقين</numerusform>
            <numerusform>أكثر من %Ln مقالات مطابقة</numerusform>
            <numerusform>أكثر من %Ln مقالاً مطابقاً</numerusform>
            <numerusform>أكثر من %Ln مقال مطابق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) match</source>
        <translation>
            <numerusform>لا مقالات مطابقة</numerusform>
            <numerusform>مقال واحد مطابق</numerusform>
            <numerusform>مقالان مطابقان</numerusform>
            <numerusform>%Ln مقالات مطابقة</numerusform>
            <numerusform>%Ln مقالاً مطابقاً</numerusform>
            <numerusform>%Ln مقال مطابق</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>showing the best %Ln</source>
        <translation>
            <numerusform>لا شيء معروض</numerusform>
            <numerusform>يُعرض الأفضل</numerusform>
            <numerusform>يُعرض أفضل اثنين</numerusform>
            <numerusform>يُعرض أفضل %Ln</numerusform>
            <numerusform>يُعرض أفضل %Ln</numerusform>
            <numerusform>يُعرض أفضل %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(ranked among the %Ln newest)</source>
        <translation>
            <numerusform>(مرتبة بين الأحدث)</numerusform>
            <numerusform>(مرتبة بين الأحدث)</numerusform>
            <numerusform>(مرتبة بين أحدث اثنين)</numerusform>
            <numerusform>(مرتبة بين أحدث %Ln)</numerusform>
            <numerusform>(مرتبة بين أحدث %Ln)</numerusform>
            <numerusform>(مرتبة بين أحدث %Ln)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>still indexing: %Ln article(s) not searched yet</source>
        <translation>
            <numerusform>الفهرسة جارية</numerusform>
            <numerusform>الفهرسة جارية: مقال واحد لم يُبحث فيه بعد</numerusform>
            <numerusform>الفهرسة جارية: مقالان لم يُبحث فيهما بعد</numerusform>
            <numerusform>الفهرسة جارية: %Ln مقالات لم يُبحث فيها بعد</numerusform>
            <numerusform>الفهرسة جارية: %Ln مقالاً لم يُبحث فيها بعد</numerusform>
            <numerusform>الفهرسة جارية: %Ln مقال لم يُبحث فيها بعد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>لا تطابقات</numerusform>
            <numerusform>تطابق واحد</numerusform>
            <numerusform>تطابقان</numerusform>
            <numerusform>%n تطابقات</numerusform>
            <numerusform>%n تطابقاً</numerusform>
            <numerusform>%n تطابق</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Tag the selected text with the {label} label (in the article)</source>
        <translation>وسم النص المحدد بوسم {label} (في المقال)</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Filter by action, key or description…</source>
        <translation>تصفية حسب الأمر أو المفتاح أو الوصف…</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>الأمر</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>ما يفعله</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>تراجع</translation>
    </message>
    <message>
        <source>Undo the last edit (every edit, one step at a time)</source>
        <translation>التراجع عن آخر تعديل (كل تعديل، خطوة بخطوة)</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>إعادة</translation>
    </message>
    <message>
        <source>Do again the edit just undone</source>
        <translation>إعادة التعديل الذي تم التراجع عنه للتو</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <source>Beside</source>
        <translation>بجانبه</translation>
    </message>
    <message>
        <source>Scroll together</source>
        <translation>تمرير متزامن</translation>
    </message>
    <message>
        <source>Scroll both panes together, at the same share of each article</source>
        <translation>تمرير اللوحتين معاً، عند الموضع النسبي نفسه من كل مقال</translation>
    </message>
    <message>
        <source>Close this pane (one reader again)</source>
        <translation>إغلاق هذه اللوحة (العودة إلى قارئ واحد)</translation>
    </message>
    <message>
        <source>Tag the selection as {label}</source>
        <translation>وسم التحديد بوسم {label}</translation>
    </message>
    <message>
        <source>Cannot open article</source>
        <translation>تعذّر فتح المقال</translation>
    </message>
    <message>
        <source>The same article on both sides: the library&apos;s Open Beside puts another here.</source>
        <translation>المقال نفسه في الجانبين: «فتح بجانبه» في المكتبة يضع مقالاً آخر هنا.</translation>
    </message>
</context>
<context>
    <name>SuggestionController</name>
    <message>
        <source>Suggestions unavailable: {error}</source>
        <translation>الاقتراحات غير متاحة: {error}</translation>
    </message>
    <message>
        <source>Suggested {label} — claimant: {claimant}, learnt from your claims — {confidence} (Enter accepts, Delete rejects)</source>
        <translation>اقتراح: {label} — صاحب الادعاء: {claimant}، مُتعلَّم من ادعاءاتك — {confidence} (Enter للقبول، Delete للرفض)</translation>
    </message>
    <message>
        <source>Suggested {label} “{name}”, learnt from your tags — {confidence} (Enter accepts, Delete rejects)</source>
        <translation>اقتراح: {label} «{name}»، مُتعلَّم من وسومك — {confidence} (Enter للقبول، Delete للرفض)</translation>
    </message>
    <message>
        <source>Suggested {label}, learnt from your tags — {confidence} (Enter accepts, Delete rejects)</source>
        <translation>اقتراح: {label}، مُتعلَّم من وسومك — {confidence} (Enter للقبول، Delete للرفض)</translation>
    </message>
    <message>
        <source>Suggested {label} “{name}”, from Hamish&apos;s list of places and organisations — {confidence} (Enter accepts, Delete rejects)</source>
        <translation>اقتراح: {label} «{name}»، من قائمة هامش للأماكن والمنظمات — {confidence} (Enter للقبول، Delete للرفض)</translation>
    </message>
    <message>
        <source>Suggested {label} — claimant: {claimant} — {confidence} (Enter accepts, Delete rejects)</source>
        <translation>اقتراح: {label} — صاحب الادعاء: {claimant} — {confidence} (Enter للقبول، Delete للرفض)</translation>
    </message>
    <message>
        <source>Suggested {label} “{name}” — {confidence} (Enter accepts, Delete rejects)</source>
        <translation>اقتراح: {label} «{name}» — {confidence} (Enter للقبول، Delete للرفض)</translation>
    </message>
    <message>
        <source>Suggested {label} — {confidence} (Enter accepts, Delete rejects)</source>
        <translation>اقتراح: {label} — {confidence} (Enter للقبول، Delete للرفض)</translation>
    </message>
    <message>
        <source>Suggested {label}: “{text}”</source>
        <translation>اقتراح {label}: «{text}»</translation>
    </message>
    <message>
        <source>Accept Suggestion</source>
        <translation>قبول الاقتراح</translation>
    </message>
    <message>
        <source>Reject Suggestion</source>
        <translation>رفض الاقتراح</translation>
    </message>
    <message>
        <source>There is no “{label}” label any more.</source>
        <translation>لم يعد هناك وسم «{label}».</translation>
    </message>
    <message>
        <source>Accept suggestion “{quote}”</source>
        <translation>قبول الاقتراح «{quote}»</translation>
    </message>
    <message>
        <source>Tagged “{quote}” as {label}, said by {name}, a new person in the registry (Ctrl+Z undoes both).</source>
        <translation>وُسم «{quote}» بوسم {label} على لسان {name}، وهو شخص جديد في السجل (Ctrl+Z يتراجع عنهما).</translation>
    </message>
    <message>
        <source>Tagged “{quote}” as {label}, said by {name} (Ctrl+Z undoes it).</source>
        <translation>وُسم «{quote}» بوسم {label} على لسان {name} (Ctrl+Z يتراجع عنه).</translation>
    </message>
    <message>
        <source>Tagged “{quote}” as {label} (Ctrl+Z undoes it).</source>
        <translation>وُسم «{quote}» بوسم {label} (Ctrl+Z يتراجع عنه).</translation>
    </message>
    <message>
        <source>“{quote}” will not be suggested here again (Ctrl+Z undoes it).</source>
        <translation>لن يُقترح «{quote}» هنا مرة أخرى (Ctrl+Z يتراجع عن ذلك).</translation>
    </message>
    <message>
        <source>No suggestions in this article.</source>
        <translation>لا اقتراحات في هذا المقال.</translation>
    </message>
</context>
<context>
    <name>Suggestions</name>
    <message>
        <source>Rule</source>
        <translation>قاعدة</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>السجل</translation>
    </message>
    <message>
        <source>Gazetteer</source>
        <translation>المعجم الجغرافي</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>النموذج</translation>
    </message>
    <message>
        <source>{score} %</source>
        <translation>{score}٪</translation>
    </message>
    <message>
        <source>{source}, lowered by the model</source>
        <translation>{source}، خفّضه النموذج</translation>
    </message>
    <message>
        <source>{source}, {score}</source>
        <translation>{source}، {score}</translation>
    </message>
</context>
<context>
    <name>TaggingController</name>
    <message>
        <source>Tag the selection as {label}</source>
        <translation>وسم التحديد بوسم {label}</translation>
    </message>
    <message>
        <source>“{quote}” is already tagged as {label}</source>
        <translation>«{quote}» موسوم من قبل بوسم {label}</translation>
    </message>
    <message>
        <source>Tagged “{quote}” as {label}</source>
        <translation>وُسم «{quote}» بوسم {label}</translation>
    </message>
    <message>
        <source>Cannot delete the annotation</source>
        <translation>تعذّر حذف التعليق</translation>
    </message>
    <message>
        <source>Cannot change the label</source>
        <translation>تعذّر تغيير الوسم</translation>
    </message>
    <message>
        <source>Cannot save the note</source>
        <translation>تعذّر حفظ الملاحظة</translation>
    </message>
    <message>
        <source>Find All Mentions</source>
        <translation>العثور على كل الإشارات</translation>
    </message>
    <message>
        <source>There is no label to tag mentions of “{entity}” with: tag one by hand.</source>
        <translation>لا يوجد وسم لوسم إشارات «{entity}»: ضع الوسم على واحدة يدويًا.</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n mention(s) of {entity}</source>
        <translation>
            <numerusform>قبول الإشارات إلى {entity}</numerusform>
            <numerusform>قبول إشارة واحدة إلى {entity}</numerusform>
            <numerusform>قبول إشارتين إلى {entity}</numerusform>
            <numerusform>قبول %n إشارات إلى {entity}</numerusform>
            <numerusform>قبول %n إشارةً إلى {entity}</numerusform>
            <numerusform>قبول %n إشارة إلى {entity}</numerusform>
        </translation>
    </message>
    <message>
        <source>Place the cursor on an annotation first.</source>
        <translation>ضع المؤشر على تعليق أولاً.</translation>
    </message>
    <message>
        <source>This annotation is orphaned: its text is gone.</source>
        <translation>هذا التعليق فاقد لموضعه: نصه لم يعد موجوداً.</translation>
    </message>
    <message>
        <source>Edit Note…</source>
        <translation>تحرير الملاحظة…</translation>
    </message>
    <message>
        <source>Change Label</source>
        <translation>تغيير الوسم</translation>
    </message>
    <message>
        <source>Delete Annotation</source>
        <translation>حذف التعليق</translation>
    </message>
    <message>
        <source>Tag Selection As</source>
        <translation>وسم التحديد بـ</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>نسخ</translation>
    </message>
    <message>
        <source>Entity: {name}</source>
        <translation>الكيان: {name}</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>ملاحظة:</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancelled.</source>
        <translation>أُلغي.</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>خطأ غير متوقع: {error}</translation>
    </message>
</context>
<context>
    <name>Terms</name>
    <message>
        <source>Asserts</source>
        <translation>يؤكد</translation>
    </message>
    <message>
        <source>Denies</source>
        <translation>ينفي</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>غير متحقَّق منه</translation>
    </message>
    <message>
        <source>Corroborated</source>
        <translation>مُثبَت</translation>
    </message>
    <message>
        <source>Contested</source>
        <translation>موضع خلاف</translation>
    </message>
    <message>
        <source>Refuted</source>
        <translation>مدحوض</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>منظمة</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>مكان</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>حدث</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>أخرى</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <source>Date/time</source>
        <translation>تاريخ ووقت</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>supports</source>
        <translation>يدعم</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>يناقض</translation>
    </message>
    <message>
        <source>repeats</source>
        <translation>يكرر</translation>
    </message>
    <message>
        <source>supported by</source>
        <translation>يدعمه</translation>
    </message>
    <message>
        <source>contradicted by</source>
        <translation>يناقضه</translation>
    </message>
    <message>
        <source>repeated by</source>
        <translation>يكرره</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>January</source>
        <translation>يناير</translation>
    </message>
    <message>
        <source>February</source>
        <translation>فبراير</translation>
    </message>
    <message>
        <source>March</source>
        <translation>مارس</translation>
    </message>
    <message>
        <source>April</source>
        <translation>أبريل</translation>
    </message>
    <message>
        <source>May</source>
        <translation>مايو</translation>
    </message>
    <message>
        <source>June</source>
        <translation>يونيو</translation>
    </message>
    <message>
        <source>July</source>
        <translation>يوليو</translation>
    </message>
    <message>
        <source>August</source>
        <translation>أغسطس</translation>
    </message>
    <message>
        <source>September</source>
        <translation>سبتمبر</translation>
    </message>
    <message>
        <source>October</source>
        <translation>أكتوبر</translation>
    </message>
    <message>
        <source>November</source>
        <translation>نوفمبر</translation>
    </message>
    <message>
        <source>December</source>
        <translation>ديسمبر</translation>
    </message>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
    <message>
        <source>{day} {month}</source>
        <translation>{day} {month}</translation>
    </message>
    <message>
        <source>Undated</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message>
        <source>{day} {month} {year}</source>
        <translation>{day} {month} {year}</translation>
    </message>
    <message>
        <source>No claimant</source>
        <translation>بلا صاحب ادعاء</translation>
    </message>
    <message>
        <source>{date} (the article&apos;s date)</source>
        <translation>{date} (تاريخ المقال)</translation>
    </message>
    <message>
        <source>its date {date} could not be read</source>
        <translation>تعذّرت قراءة تاريخه {date}</translation>
    </message>
    <message>
        <source>No claims yet: tag a passage with the Claim label to see it here.</source>
        <translation>لا ادعاءات بعد: وسِم مقطعًا بوسم «ادعاء» ليظهر هنا.</translation>
    </message>
    <message>
        <source>No claim matches these filters.</source>
        <translation>لا ادعاء يطابق هذه المرشحات.</translation>
    </message>
    <message>
        <source>No subject</source>
        <translation>بلا موضوع</translation>
    </message>
    <message>
        <source>fainter: weaker grading</source>
        <translation>أبهت: تقييم أضعف</translation>
    </message>
    <message>
        <source>bar: a month or a year</source>
        <translation>شريط: شهر أو سنة</translation>
    </message>
    <message>
        <source>Stance (colour):</source>
        <translation>الموقف (اللون):</translation>
    </message>
    <message>
        <source>Status (shape):</source>
        <translation>الحالة (الشكل):</translation>
    </message>
    <message>
        <source>Links:</source>
        <translation>الروابط:</translation>
    </message>
    <message>
        <source>Marks:</source>
        <translation>العلامات:</translation>
    </message>
    <message>
        <source>Not drawn: {lanes}; the {most} with the most claims are shown.</source>
        <translation>لم يُرسم: {lanes}؛ والمرسوم هو الـ{most} الأكثر ادعاءات.</translation>
    </message>
</context>
<context>
    <name>TimelineDock</name>
    <message>
        <source>Claim Timeline</source>
        <translation>الخط الزمني للادعاءات</translation>
    </message>
    <message>
        <source>Lanes: claimants</source>
        <translation>المسارات: أصحاب الادعاءات</translation>
    </message>
    <message>
        <source>Lanes: subjects</source>
        <translation>المسارات: المواضيع</translation>
    </message>
    <message>
        <source>Any stance</source>
        <translation>أي موقف</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <source>From YYYY-MM-DD</source>
        <translation>من سنة-شهر-يوم</translation>
    </message>
    <message>
        <source>To YYYY-MM-DD</source>
        <translation>إلى سنة-شهر-يوم</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the timeline as a PNG image at 300 dpi</source>
        <translation>حفظ الخط الزمني صورة PNG بدقة 300 نقطة في البوصة</translation>
    </message>
    <message>
        <source>SVG…</source>
        <translation>SVG…</translation>
    </message>
    <message>
        <source>Save the timeline as an SVG drawing</source>
        <translation>حفظ الخط الزمني رسمًا SVG</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>مفتاح الرسم</translation>
    </message>
    <message>
        <source>What the colours, shapes and lines mean</source>
        <translation>ما تعنيه الألوان والأشكال والخطوط</translation>
    </message>
    <message>
        <source>Not a date, so not used: write a year (2024), a month (2024-03) or a day (2024-03-05).</source>
        <translation>ليس تاريخًا، فلم يُستعمل: اكتب سنة (2024) أو شهرًا (2024-03) أو يومًا (2024-03-05).</translation>
    </message>
    <message>
        <source>Any claimant</source>
        <translation>أي صاحب ادعاء</translation>
    </message>
    <message>
        <source>Any article</source>
        <translation>أي مقال</translation>
    </message>
    <message>
        <source>Export Timeline as PNG</source>
        <translation>تصدير الخط الزمني صورة PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>صور PNG (*.png)</translation>
    </message>
    <message>
        <source>Export Timeline as SVG</source>
        <translation>تصدير الخط الزمني رسمًا SVG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>رسوم SVG (*.svg)</translation>
    </message>
    <message>
        <source>Cannot export the timeline</source>
        <translation>تعذّر تصدير الخط الزمني</translation>
    </message>
</context>
<context>
    <name>_HintLabel</name>
    <message>
        <source>No article is open</source>
        <translation>لا مقال مفتوح</translation>
    </message>
    <message>
        <source>Choose one in the library, or import articles with &lt;b&gt;File → Import Articles…&lt;/b&gt; (Ctrl+I).</source>
        <translation>اختر مقالاً من المكتبة، أو استورد مقالات من &lt;b&gt;ملف ← استيراد مقالات…&lt;/b&gt; (Ctrl+I).</translation>
    </message>
</context>
</TS>
