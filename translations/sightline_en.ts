<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only (the source texts are English): lupdate -pluralonly. -->
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>sightline::ui::GraphPage</name>
    <message numerus="yes">
        <source>Account %1 only: %n node(s) of other accounts left out</source>
        <translation>
            <numerusform>Account %1 only: %n node of another account left out</numerusform>
            <numerusform>Account %1 only: %n nodes of other accounts left out</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sightline::ui::GraphWidget</name>
    <message numerus="yes">
        <source>%n shortest path(s) of length %1</source>
        <translation>
            <numerusform>%n shortest path of length %1</numerusform>
            <numerusform>%n shortest paths of length %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n busy node(s) not crossed</source>
        <translation>
            <numerusform>; %n busy node not crossed</numerusform>
            <numerusform>; %n busy nodes not crossed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n node</numerusform>
            <numerusform>%n nodes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n edge(s)</source>
        <translation>
            <numerusform>%n edge</numerusform>
            <numerusform>%n edges</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden</source>
        <translation>
            <numerusform>%n hidden</numerusform>
            <numerusform>%n hidden</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sightline::ui::GroupsPage</name>
    <message numerus="yes">
        <source>%n group(s) of findings that involve one same entity (not an account or a user agent) within 24 hours of each other, within the scope time. Open a group to see its findings and entities in a graph.</source>
        <translation>
            <numerusform>%n group of findings that involve one same entity (not an account or a user agent) within 24 hours of each other, within the scope time. Open a group to see its findings and entities in a graph.</numerusform>
            <numerusform>%n groups of findings that involve one same entity (not an account or a user agent) within 24 hours of each other, within the scope time. Open a group to see its findings and entities in a graph.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sightline::ui::SearchBox</name>
    <message numerus="yes">
        <source>    … %n more, refine the search</source>
        <translation>
            <numerusform>    … %n more, refine the search</numerusform>
            <numerusform>    … %n more, refine the search</numerusform>
        </translation>
    </message>
</context>
</TS>
