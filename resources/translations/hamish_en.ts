<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AnnotationPanel</name>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translation>
                <numerusform>%n annotation</numerusform>
                <numerusform>%n annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n orphaned</source>
            <translation>
                <numerusform>%n orphaned</numerusform>
                <numerusform>%n orphaned</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ArticleActions</name>
        <message numerus="yes">
            <source>%Ln annotation(s)</source>
            <translation>
                <numerusform>%Ln annotation</numerusform>
                <numerusform>%Ln annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %Ln article(s) and their {annotations}?</source>
            <translation>
                <numerusform>Delete %Ln article and their {annotations}?</numerusform>
                <numerusform>Delete %Ln articles and their {annotations}?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Deleted %Ln article(s).</source>
            <translation>
                <numerusform>Deleted %Ln article.</numerusform>
                <numerusform>Deleted %Ln articles.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entity(ies) will be left without mentions and stay in the registry, listed under Entities → Unmentioned.</source>
            <translation>
                <numerusform>%n entity will be left without mentions and stay in the registry, listed under Entities → Unmentioned.</numerusform>
                <numerusform>%n entities will be left without mentions and stay in the registry, listed under Entities → Unmentioned.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Brought back %Ln article(s).</source>
            <translation>
                <numerusform>Brought back %Ln article.</numerusform>
                <numerusform>Brought back %Ln articles.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CommandWords</name>
        <message numerus="yes">
            <source>%n label(s)</source>
            <translation>
                <numerusform>%n label</numerusform>
                <numerusform>%n labels</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n duplicate article(s) skipped</source>
            <translation>
                <numerusform>%n duplicate article skipped</numerusform>
                <numerusform>%n duplicate articles skipped</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entity(ies) already present</source>
            <translation>
                <numerusform>%n entity already present</numerusform>
                <numerusform>%n entities already present</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(%n with notes)</source>
            <translation>
                <numerusform>(%n with notes)</numerusform>
                <numerusform>(%n with notes)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Counted</name>
        <message numerus="yes">
            <source>{n} annotations whose quote is not in the text were not imported.</source>
            <translation>
                <numerusform>{n} annotation whose quote is not in the text was not imported.</numerusform>
                <numerusform>{n} annotations whose quote is not in the text were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} annotations on texts that are not in the file were not imported.</source>
            <translation>
                <numerusform>{n} annotation on a text that is not in the file was not imported.</numerusform>
                <numerusform>{n} annotations on texts that are not in the file were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} annotations without a tag, an entity or a comment were not imported.</source>
            <translation>
                <numerusform>{n} annotation without a tag, an entity or a comment was not imported.</numerusform>
                <numerusform>{n} annotations without a tag, an entity or a comment were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} tags without a place in the text (no selector) were not imported.</source>
            <translation>
                <numerusform>{n} tag without a place in the text (no selector) was not imported.</numerusform>
                <numerusform>{n} tags without a place in the text (no selector) were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} items that are not annotations of a text were not imported.</source>
            <translation>
                <numerusform>{n} item that is not an annotation of a text was not imported.</numerusform>
                <numerusform>{n} items that are not annotations of a text were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} claim assessments on tags whose label is not a claim label were not imported.</source>
            <translation>
                <numerusform>{n} claim assessment on a tag whose label is not a claim label was not imported.</numerusform>
                <numerusform>{n} claim assessments on tags whose label is not a claim label were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} annotations whose position (TextPositionSelector) and quote (TextQuoteSelector) disagree were placed where the quote is.</source>
            <translation>
                <numerusform>{n} annotation whose position (TextPositionSelector) and quote (TextQuoteSelector) disagree was placed where the quote is.</numerusform>
                <numerusform>{n} annotations whose position (TextPositionSelector) and quote (TextQuoteSelector) disagree were placed where the quote is.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} annotations whose position (TextPositionSelector) is outside the text were placed by their quote (TextQuoteSelector).</source>
            <translation>
                <numerusform>{n} annotation whose position (TextPositionSelector) is outside the text was placed by its quote (TextQuoteSelector).</numerusform>
                <numerusform>{n} annotations whose position (TextPositionSelector) is outside the text were placed by their quote (TextQuoteSelector).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} annotations placed only by a position (TextPositionSelector) that is not within their article's text were not imported: the first runs from {start} to {end} in an article of {length} characters.</source>
            <translation>
                <numerusform>{n} annotation placed only by a position (TextPositionSelector) that is not within its article's text was not imported: it runs from {start} to {end} in an article of {length} characters.</numerusform>
                <numerusform>{n} annotations placed only by a position (TextPositionSelector) that is not within their article's text were not imported: the first runs from {start} to {end} in an article of {length} characters.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} PDF sources were not imported (Hamish imports their text only from text sources).</source>
            <translation>
                <numerusform>{n} PDF source was not imported (Hamish imports text only from text sources).</numerusform>
                <numerusform>{n} PDF sources were not imported (Hamish imports their text only from text sources).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} picture sources were not imported.</source>
            <translation>
                <numerusform>{n} picture source was not imported.</numerusform>
                <numerusform>{n} picture sources were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} audio sources were not imported.</source>
            <translation>
                <numerusform>{n} audio source was not imported.</numerusform>
                <numerusform>{n} audio sources were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} video sources were not imported.</source>
            <translation>
                <numerusform>{n} video source was not imported.</numerusform>
                <numerusform>{n} video sources were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} sources whose text is outside the project file were not imported (Hamish never reads other files named in an imported one).</source>
            <translation>
                <numerusform>{n} source whose text is outside the project file was not imported (Hamish never reads other files named in an imported one).</numerusform>
                <numerusform>{n} sources whose text is outside the project file were not imported (Hamish never reads other files named in an imported one).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} sources whose text is missing from the file were not imported.</source>
            <translation>
                <numerusform>{n} source whose text is missing from the file was not imported.</numerusform>
                <numerusform>{n} sources whose text is missing from the file were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} sources whose text is not UTF-8 were not imported.</source>
            <translation>
                <numerusform>{n} source whose text is not UTF-8 was not imported.</numerusform>
                <numerusform>{n} sources whose text is not UTF-8 were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} sources without text were not imported.</source>
            <translation>
                <numerusform>{n} source without text was not imported.</numerusform>
                <numerusform>{n} sources without text were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} sources longer than Hamish imports were not imported.</source>
            <translation>
                <numerusform>{n} source longer than Hamish imports was not imported.</numerusform>
                <numerusform>{n} sources longer than Hamish imports were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} selections without valid positions were not imported.</source>
            <translation>
                <numerusform>{n} selection without valid positions was not imported.</numerusform>
                <numerusform>{n} selections without valid positions were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} selections outside their source's text were not imported.</source>
            <translation>
                <numerusform>{n} selection outside its source's text was not imported.</numerusform>
                <numerusform>{n} selections outside their source's text were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} selections without a code or a note were not imported.</source>
            <translation>
                <numerusform>{n} selection without a code or a note was not imported.</numerusform>
                <numerusform>{n} selections without a code or a note were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} codings of codes missing from the codebook were not imported.</source>
            <translation>
                <numerusform>{n} coding of a code missing from the codebook was not imported.</numerusform>
                <numerusform>{n} codings of codes missing from the codebook were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} codings of whole sources were not imported.</source>
            <translation>
                <numerusform>{n} coding of a whole source was not imported.</numerusform>
                <numerusform>{n} codings of whole sources were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} references to missing notes were ignored.</source>
            <translation>
                <numerusform>{n} reference to a missing note was ignored.</numerusform>
                <numerusform>{n} references to missing notes were ignored.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} variable values of sources were not imported.</source>
            <translation>
                <numerusform>{n} variable value of a source was not imported.</numerusform>
                <numerusform>{n} variable values of sources were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} variables were not imported.</source>
            <translation>
                <numerusform>{n} variable was not imported.</numerusform>
                <numerusform>{n} variables were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} cases were not imported.</source>
            <translation>
                <numerusform>{n} case was not imported.</numerusform>
                <numerusform>{n} cases were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} sets were not imported.</source>
            <translation>
                <numerusform>{n} set was not imported.</numerusform>
                <numerusform>{n} sets were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} links were not imported.</source>
            <translation>
                <numerusform>{n} link was not imported.</numerusform>
                <numerusform>{n} links were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} graphs were not imported.</source>
            <translation>
                <numerusform>{n} graph was not imported.</numerusform>
                <numerusform>{n} graphs were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} selections that cover no text were not imported.</source>
            <translation>
                <numerusform>{n} selection that covers no text was not imported.</numerusform>
                <numerusform>{n} selections that cover no text were not imported.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} annotations that lost their place in the text were left out.</source>
            <translation>
                <numerusform>{n} annotation that lost its place in the text was left out.</numerusform>
                <numerusform>{n} annotations that lost their place in the text were left out.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} decisions on suggestions were left out (REFI-QDA has no place for them).</source>
            <translation>
                <numerusform>{n} decision on a suggestion was left out (REFI-QDA has no place for it).</numerusform>
                <numerusform>{n} decisions on suggestions were left out (REFI-QDA has no place for them).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{n} decisions on suggestions were left out (the Web Annotation model has no place for them).</source>
            <translation>
                <numerusform>{n} decision on a suggestion was left out (the Web Annotation model has no place for it).</numerusform>
                <numerusform>{n} decisions on suggestions were left out (the Web Annotation model has no place for them).</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Counts</name>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translation>
                <numerusform>%n annotation</numerusform>
                <numerusform>%n annotations</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n claim(s)</source>
            <translation>
                <numerusform>%n claim</numerusform>
                <numerusform>%n claims</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n match</numerusform>
                <numerusform>%n matches</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entity(ies)</source>
            <translation>
                <numerusform>%n entity</numerusform>
                <numerusform>%n entities</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n link(s)</source>
            <translation>
                <numerusform>%n link</numerusform>
                <numerusform>%n links</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n lane(s)</source>
            <translation>
                <numerusform>%n lane</numerusform>
                <numerusform>%n lanes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n mention(s)</source>
            <translation>
                <numerusform>%n mention</numerusform>
                <numerusform>%n mentions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n imported</source>
            <translation>
                <numerusform>%n imported</numerusform>
                <numerusform>%n imported</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n skipped</source>
            <translation>
                <numerusform>%n skipped</numerusform>
                <numerusform>%n skipped</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>cancelled after {done} of %n file(s)</source>
            <translation>
                <numerusform>cancelled after {done} of %n file</numerusform>
                <numerusform>cancelled after {done} of %n files</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EditNames</name>
        <message numerus="yes">
            <source>Tag %n passage(s)</source>
            <translation>
                <numerusform>Tag %n passage</numerusform>
                <numerusform>Tag %n passages</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reject %n suggestion(s)</source>
            <translation>
                <numerusform>Reject %n suggestion</numerusform>
                <numerusform>Reject %n suggestions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reject %n mention(s)</source>
            <translation>
                <numerusform>Reject %n mention</numerusform>
                <numerusform>Reject %n mentions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Import %n article(s)</source>
            <translation>
                <numerusform>Import %n article</numerusform>
                <numerusform>Import %n articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Delete %n article(s)</source>
            <translation>
                <numerusform>Delete %n article</numerusform>
                <numerusform>Delete %n articles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EntityModel</name>
        <message numerus="yes">
            <source>%n mention(s)</source>
            <translation>
                <numerusform>%n mention</numerusform>
                <numerusform>%n mentions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EntityPage</name>
        <message numerus="yes">
            <source>%n mention(s)</source>
            <translation>
                <numerusform>%n mention</numerusform>
                <numerusform>%n mentions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ExchangeImportController</name>
        <message numerus="yes">
            <source>%n entity(ies) already present</source>
            <translation>
                <numerusform>%n entity already present</numerusform>
                <numerusform>%n entities already present</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportController</name>
        <message numerus="yes">
            <source>Imported {file}: %n article(s)</source>
            <translation>
                <numerusform>Imported {file}: %n article</numerusform>
                <numerusform>Imported {file}: %n articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n already in the project, skipped.</source>
            <translation>
                <numerusform>%n already in the project, skipped.</numerusform>
                <numerusform>%n already in the project, skipped.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Importing… (%n more queued)</source>
            <translation>
                <numerusform>Importing… (%n more queued)</numerusform>
                <numerusform>Importing… (%n more queued)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ImportProgress</name>
        <message numerus="yes">
            <source>Importing… (%n more queued)</source>
            <translation>
                <numerusform>Importing… (%n more queued)</numerusform>
                <numerusform>Importing… (%n more queued)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>IndexCatchUp</name>
        <message numerus="yes">
            <source>Indexing for search: {done} of %Ln article(s)</source>
            <translation>
                <numerusform>Indexing for search: {done} of %Ln article</numerusform>
                <numerusform>Indexing for search: {done} of %Ln articles</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LibraryModel</name>
        <message numerus="yes">
            <source>%Ln character(s)</source>
            <translation>
                <numerusform>%Ln character</numerusform>
                <numerusform>%Ln characters</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n annotation(s)</source>
            <translation>
                <numerusform>%n annotation</numerusform>
                <numerusform>%n annotations</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Suggestions will learn again after %n new tag(s) or decision(s).</source>
            <translation>
                <numerusform>Suggestions will learn again after %n new tag or decision.</numerusform>
                <numerusform>Suggestions will learn again after %n new tags or decisions.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MentionsDialog</name>
        <message numerus="yes">
            <source>%n untagged occurrence(s); checking the tagged articles: {done} of {total}</source>
            <translation>
                <numerusform>%n untagged occurrence; checking the tagged articles: {done} of {total}</numerusform>
                <numerusform>%n untagged occurrences; checking the tagged articles: {done} of {total}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n untagged occurrence(s) so far; searching the articles: {done} of {total}</source>
            <translation>
                <numerusform>%n untagged occurrence so far; searching the articles: {done} of {total}</numerusform>
                <numerusform>%n untagged occurrences so far; searching the articles: {done} of {total}</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Searching the articles: {done} of %Ln</source>
            <translation>
                <numerusform>Searching the articles: {done} of %Ln</numerusform>
                <numerusform>Searching the articles: {done} of %Ln</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n untagged occurrence(s)</source>
            <translation>
                <numerusform>%n untagged occurrence</numerusform>
                <numerusform>%n untagged occurrences</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Reading the articles: {done} of %Ln</source>
            <translation>
                <numerusform>Reading the articles: {done} of %Ln</numerusform>
                <numerusform>Reading the articles: {done} of %Ln</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ModelTrainer</name>
        <message numerus="yes">
            <source>%n name(s)</source>
            <translation>
                <numerusform>%n name</numerusform>
                <numerusform>%n names</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n article(s)</source>
            <translation>
                <numerusform>%n article</numerusform>
                <numerusform>%n articles</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Claim suggestions learnt from %n claim(s).</source>
            <translation>
                <numerusform>Claim suggestions learnt from %n claim.</numerusform>
                <numerusform>Claim suggestions learnt from %n claims.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NamePartsBar</name>
        <message numerus="yes">
            <source>%n more waiting</source>
            <translation>
                <numerusform>%n more waiting</numerusform>
                <numerusform>%n more waiting</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NetworkController</name>
        <message numerus="yes">
            <source>{a} and {b}: %n passage(s)</source>
            <translation>
                <numerusform>{a} and {b}: %n passage</numerusform>
                <numerusform>{a} and {b}: %n passages</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReaderPane</name>
        <message numerus="yes">
            <source>%Ln character(s)</source>
            <translation>
                <numerusform>%Ln character</numerusform>
                <numerusform>%Ln characters</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RemoveLabelDialog</name>
        <message numerus="yes">
            <source>“{name}” is used by %n annotation(s).</source>
            <translation>
                <numerusform>“{name}” is used by %n annotation.</numerusform>
                <numerusform>“{name}” is used by %n annotations.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReportDialog</name>
        <message numerus="yes">
            <source>%n claim(s)</source>
            <translation>
                <numerusform>%n claim</numerusform>
                <numerusform>%n claims</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n contradiction(s)</source>
            <translation>
                <numerusform>%n contradiction</numerusform>
                <numerusform>%n contradictions</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n entity(ies)</source>
            <translation>
                <numerusform>%n entity</numerusform>
                <numerusform>%n entities</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n excerpt(s)</source>
            <translation>
                <numerusform>%n excerpt</numerusform>
                <numerusform>%n excerpts</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n source(s)</source>
            <translation>
                <numerusform>%n source</numerusform>
                <numerusform>%n sources</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Wrote {file} with %n figure(s): {counts}.</source>
            <translation>
                <numerusform>Wrote {file} with %n figure: {counts}.</numerusform>
                <numerusform>Wrote {file} with %n figures: {counts}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReviewController</name>
        <message numerus="yes">
            <source>Accept %n suggestion(s)</source>
            <translation>
                <numerusform>Accept %n suggestion</numerusform>
                <numerusform>Accept %n suggestions</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message numerus="yes">
            <source>More than %Ln articles match</source>
            <translation>
                <numerusform>More than %Ln articles match</numerusform>
                <numerusform>More than %Ln articles match</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln article(s) match</source>
            <translation>
                <numerusform>%Ln article matches</numerusform>
                <numerusform>%Ln articles match</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>showing the best %Ln</source>
            <translation>
                <numerusform>showing the best %Ln</numerusform>
                <numerusform>showing the best %Ln</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>(ranked among the %Ln newest)</source>
            <translation>
                <numerusform>(ranked among the %Ln newest)</numerusform>
                <numerusform>(ranked among the %Ln newest)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>still indexing: %Ln article(s) not searched yet</source>
            <translation>
                <numerusform>still indexing: %Ln article not searched yet</numerusform>
                <numerusform>still indexing: %Ln articles not searched yet</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchResultsModel</name>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n match</numerusform>
                <numerusform>%n matches</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TaggingController</name>
        <message numerus="yes">
            <source>Accept %n mention(s) of {entity}</source>
            <translation>
                <numerusform>Accept %n mention of {entity}</numerusform>
                <numerusform>Accept %n mentions of {entity}</numerusform>
            </translation>
        </message>
    </context>
</TS>
