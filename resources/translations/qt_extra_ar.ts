<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <!--
    Qt's own strings that its Arabic file (qtbase_ar.qm, shipped with PySide6) lacks or words
    differently from the rest of Hamish. Written by hand (lupdate does not read Qt's sources);
    update.py compiles it, and ui/i18n.py installs it after qtbase_ar so these win.
    - Qt 6 added mnemonics to two file-dialog labels ("&Look in:", "Files of &type:"), so the
      older Arabic entries no longer match and the Save dialog showed them in English.
    - Buttons: the verbal nouns Arabic software uses (إلغاء، إغلاق، حفظ), not imperatives
      (ألغِ، أغلق، احفظ), matching Hamish's own buttons.
    -->
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>ال&amp;بحث في:</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>&amp;نوع الملفات:</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>&amp;حفظ</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;فتح</translation>
        </message>
        <message>
            <source>&amp;Choose</source>
            <translation>ا&amp;ختيار</translation>
        </message>
        <message>
            <source>Save As</source>
            <translation>حفظ باسم</translation>
        </message>
    </context>
    <context>
        <name>QPlatformTheme</name>
        <message>
            <source>OK</source>
            <translation>موافق</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>إلغاء</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>إغلاق</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>حفظ</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>فتح</translation>
        </message>
        <message>
            <source>Apply</source>
            <translation>تطبيق</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>تجاهل</translation>
        </message>
        <message>
            <source>&amp;Yes</source>
            <translation>&amp;نعم</translation>
        </message>
        <message>
            <source>&amp;No</source>
            <translation>&amp;لا</translation>
        </message>
        <message>
            <source>Help</source>
            <translation>مساعدة</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>إعادة تعيين</translation>
        </message>
    </context>
</TS>
