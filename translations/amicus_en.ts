<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CallScreen</name>
    <message>
        <source>This call is closed: drafts stay readable, but nothing more can be sent.</source>
        <translation>This call is closed: drafts stay readable, but nothing more can be sent.</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Deadline: %1</translation>
    </message>
    <message>
        <source>Open, no deadline</source>
        <translation>Open, no deadline</translation>
    </message>
    <message>
        <source>Parts of this call are not yet translated and are shown in English.</source>
        <translation>Parts of this call are not yet translated and are shown in English.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Key questions</source>
        <translation>Key questions</translation>
    </message>
    <message>
        <source>How inputs will be used</source>
        <translation>How inputs will be used</translation>
    </message>
    <message>
        <source>Write a submission</source>
        <translation>Write a submission</translation>
    </message>
</context>
<context>
    <name>CallsScreen</name>
    <message>
        <source>Calls for input</source>
        <translation>Calls for input</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Deadline: %1</translation>
    </message>
    <message>
        <source>Open, no deadline</source>
        <translation>Open, no deadline</translation>
    </message>
</context>
<context>
    <name>LanguageSelector</name>
    <message>
        <source>Language: %1</source>
        <translation>Language: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Amicus</source>
        <translation>Amicus</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Amicus</source>
        <translation>Amicus</translation>
    </message>
    <message>
        <source>Answer UN calls for input, even offline: your drafts stay encrypted on this phone and are sent when a network appears.</source>
        <translation>Answer UN calls for input, even offline: your drafts stay encrypted on this phone and are sent when a network appears.</translation>
    </message>
    <message>
        <source>See the calls for input</source>
        <translation>See the calls for input</translation>
    </message>
</context>
</TS>
