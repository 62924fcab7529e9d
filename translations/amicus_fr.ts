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
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message numerus="yes">
        <source>The passphrase must have at least %n characters.</source>
        <translation>
            <numerusform>La phrase secrète doit comporter au moins %n caractère.</numerusform>
            <numerusform>La phrase secrète doit comporter au moins %n caractères.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Les deux phrases secrètes ne sont pas identiques.</translation>
    </message>
    <message>
        <source>That passphrase is not right. Check it and try again.</source>
        <translation>Cette phrase secrète n’est pas la bonne. Vérifiez-la et réessayez.</translation>
    </message>
    <message>
        <source>Too many wrong attempts. Wait a moment, then try again.</source>
        <translation>Trop de tentatives erronées. Patientez un instant, puis réessayez.</translation>
    </message>
    <message>
        <source>The encrypted data on this device is damaged. Nothing was changed.</source>
        <translation>Les données chiffrées de cet appareil sont endommagées. Rien n’a été modifié.</translation>
    </message>
    <message>
        <source>This data was written by a newer version of Amicus. Update the app to open it.</source>
        <translation>Ces données ont été enregistrées par une version plus récente d’Amicus. Mettez l’application à jour pour les ouvrir.</translation>
    </message>
    <message>
        <source>This device is full. Free some space, then try again.</source>
        <translation>Cet appareil est plein. Libérez de l’espace, puis réessayez.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was lost; try again.</source>
        <translation>Un problème est survenu. Rien n’a été perdu ; réessayez.</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Amicus</source>
        <translation>Amicus</translation>
    </message>
    <message>
        <source>Answer UN calls for input, even offline: your drafts stay encrypted on this phone and are sent when a network appears.</source>
        <translation>Répondez aux appels à contributions de l’ONU, même hors ligne : vos brouillons restent chiffrés sur ce téléphone et partent dès qu’un réseau est disponible.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>Choisissez votre langue</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuer</translation>
    </message>
    <message>
        <source>Your data is protected</source>
        <translation>Vos données sont protégées</translation>
    </message>
    <message>
        <source>Everything you write and attach is encrypted on this phone with a passphrase that only you know. Someone who takes the phone cannot read it without the passphrase.</source>
        <translation>Tout ce que vous écrivez et joignez est chiffré sur ce téléphone avec une phrase secrète que vous seul connaissez. Une personne qui s’empare du téléphone ne peut rien lire sans cette phrase secrète.</translation>
    </message>
    <message>
        <source>When you send a submission, it is encrypted so that only the secretariat of the call can open it: not the network, not the server that receives it.</source>
        <translation>Lorsque vous envoyez une contribution, elle est chiffrée de sorte que seul le secrétariat de l’appel puisse l’ouvrir : ni le réseau, ni le serveur qui la reçoit.</translation>
    </message>
    <message>
        <source>You decide whether the secretariat may publish your submission, keep it confidential, or publish it without your name.</source>
        <translation>Vous décidez si le secrétariat peut publier votre contribution, doit la garder confidentielle ou peut la publier sans votre nom.</translation>
    </message>
    <message>
        <source>Create your passphrase</source>
        <translation>Créez votre phrase secrète</translation>
    </message>
    <message>
        <source>Use several words that you will remember and others cannot guess.</source>
        <translation>Choisissez plusieurs mots dont vous vous souviendrez et que d’autres ne peuvent pas deviner.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Trop courte</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Faible</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Bonne</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Robuste</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase secrète (confirmation)</translation>
    </message>
    <message>
        <source>If you forget this passphrase, nobody can recover your drafts: not us, not the secretariat.</source>
        <translation>Si vous oubliez cette phrase secrète, personne ne pourra récupérer vos brouillons : ni nous, ni le secrétariat.</translation>
    </message>
    <message>
        <source>Protecting your data…</source>
        <translation>Protection de vos données…</translation>
    </message>
    <message>
        <source>Create and continue</source>
        <translation>Créer et continuer</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Your drafts are encrypted on this device. Enter your passphrase to open them.</source>
        <translation>Vos brouillons sont chiffrés sur cet appareil. Saisissez votre phrase secrète pour les ouvrir.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Déverrouillage…</translation>
    </message>
</context>
</TS>
