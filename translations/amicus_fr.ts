<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CallScreen</name>
    <message>
        <source>This call is closed: drafts stay readable, but nothing more can be sent.</source>
        <translation>Cet appel est clos : les brouillons restent lisibles, mais plus rien ne peut être envoyé.</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Date limite : %1</translation>
    </message>
    <message>
        <source>Open, no deadline</source>
        <translation>Ouvert, sans date limite</translation>
    </message>
    <message>
        <source>Parts of this call are not yet translated and are shown in English.</source>
        <translation>Certaines parties de cet appel ne sont pas encore traduites et s’affichent en anglais.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Key questions</source>
        <translation>Questions clés</translation>
    </message>
    <message>
        <source>How inputs will be used</source>
        <translation>Utilisation des contributions</translation>
    </message>
    <message>
        <source>Write a submission</source>
        <translation>Rédiger une contribution</translation>
    </message>
</context>
<context>
    <name>CallsScreen</name>
    <message>
        <source>Calls for input</source>
        <translation>Appels à contributions</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clos</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Date limite : %1</translation>
    </message>
    <message>
        <source>Open, no deadline</source>
        <translation>Ouvert, sans date limite</translation>
    </message>
</context>
<context>
    <name>LanguageSelector</name>
    <message>
        <source>Language: %1</source>
        <translation>Langue : %1</translation>
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
        <translation>Retour</translation>
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
        <translation>Répondez aux appels à contributions de l’ONU, même hors ligne : vos brouillons restent chiffrés sur ce téléphone et partent dès qu’un réseau est disponible.</translation>
    </message>
    <message>
        <source>See the calls for input</source>
        <translation>Voir les appels à contributions</translation>
    </message>
</context>
</TS>
