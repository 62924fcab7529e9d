<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AppSettings</name>
    <message>
        <source>Public domain</source>
        <translation>Domaine public</translation>
    </message>
</context>
<context>
    <name>CallScreen</name>
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
    <message>
        <source>Closed: this call no longer takes submissions. You can still read it and export your drafts.</source>
        <translation>Clos&#xa0;: cet appel ne reçoit plus de contributions. Vous pouvez toujours le lire et exporter vos brouillons.</translation>
    </message>
    <message>
        <source>Deadline not stated — see the call&apos;s page</source>
        <translation>Date limite non indiquée — voir la page de l’appel</translation>
    </message>
    <message>
        <source>The deadline has passed (%1). You can still send, but your submission will arrive late.</source>
        <translation>La date limite est passée (%1). Vous pouvez encore envoyer, mais votre contribution arrivera en retard.</translation>
    </message>
    <message>
        <source>Deadline: %1 · last day</source>
        <translation>Date limite&#xa0;: %1 · dernier jour</translation>
    </message>
    <message numerus="yes">
        <source>Deadline: %1 · %n day(s) left</source>
        <translation>
            <numerusform>Date limite&#xa0;: %1 · encore %n jour</numerusform>
            <numerusform>Date limite&#xa0;: %1 · encore %n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>The inputs it received are published on the call&apos;s page.</source>
        <translation>Les contributions reçues sont publiées sur la page de l’appel.</translation>
    </message>
    <message>
        <source>Our own translation, not the official text.</source>
        <translation>Notre propre traduction, pas le texte officiel.</translation>
    </message>
    <message>
        <source>Official text</source>
        <translation>Texte officiel</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>%1 words per answer</source>
        <translation>%1 mots par réponse</translation>
    </message>
    <message>
        <source>limit set for this call</source>
        <translation>limite fixée pour cet appel</translation>
    </message>
    <message>
        <source>Amicus default</source>
        <translation>valeur par défaut d’Amicus</translation>
    </message>
    <message numerus="yes">
        <source>Up to %n file(s)</source>
        <translation>
            <numerusform>Jusqu’à %n fichier joint</numerusform>
            <numerusform>Jusqu’à %n fichiers joints</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per file</source>
        <translation>%1 par fichier</translation>
    </message>
    <message>
        <source>%1 (Word)</source>
        <translation>%1 (Word)</translation>
    </message>
    <message>
        <source>%1 (PDF)</source>
        <translation>%1 (PDF)</translation>
    </message>
    <message>
        <source>%1 (ODT)</source>
        <translation>%1 (ODT)</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1
Subject line: %2</source>
        <translation>Courriel du secrétariat&#xa0;: %1
Objet&#xa0;: %2</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1</source>
        <translation>Courriel du secrétariat&#xa0;: %1</translation>
    </message>
    <message>
        <source>Write an e-mail</source>
        <translation>Écrire un courriel</translation>
    </message>
    <message>
        <source>The call&apos;s page</source>
        <translation>Page de l’appel</translation>
    </message>
    <message>
        <source>Call</source>
        <extracomment>The header of one call&apos;s page: short, a phone&apos;s header has room for a word or two.</extracomment>
        <translation>Appel</translation>
    </message>
    <message>
        <source>Official documents: the call in %1, to download from the call&apos;s page.</source>
        <extracomment>%1 lists formats and languages, e.g. &quot;Word (English, Français, Español)&quot;.</extracomment>
        <translation>Documents officiels&#xa0;: l’appel en %1, à télécharger depuis la page de l’appel.</translation>
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
        <translation>Date limite&#xa0;: %1</translation>
    </message>
    <message>
        <source>Closed · inputs published</source>
        <translation>Clos · contributions publiées</translation>
    </message>
    <message>
        <source>Deadline passed (%1) · sending now arrives late</source>
        <translation>Date limite passée (%1) · un envoi arrivera en retard</translation>
    </message>
    <message>
        <source>Open · deadline not stated</source>
        <translation>Ouvert · date limite non indiquée</translation>
    </message>
</context>
<context>
    <name>DraftEditorScreen</name>
    <message>
        <source>Draft</source>
        <translation>Brouillon</translation>
    </message>
    <message>
        <source>Saved, encrypted on this device</source>
        <translation>Enregistré et chiffré sur cet appareil</translation>
    </message>
    <message>
        <source>Who is submitting</source>
        <translation>Auteur de la contribution</translation>
    </message>
    <message>
        <source>Organization or name</source>
        <translation>Organisation ou nom</translation>
    </message>
    <message>
        <source>Non-governmental organization</source>
        <translation>Organisation non gouvernementale</translation>
    </message>
    <message>
        <source>National human rights institution</source>
        <translation>Institution nationale des droits de l’homme</translation>
    </message>
    <message>
        <source>Academic or research institution</source>
        <translation>Établissement universitaire ou de recherche</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Particulier</translation>
    </message>
    <message>
        <source>State or government body</source>
        <translation>État ou organisme public</translation>
    </message>
    <message>
        <source>United Nations entity</source>
        <translation>Entité des Nations Unies</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>Kind of organization</source>
        <translation>Type d’organisation</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Contact (e-mail or phone)</source>
        <translation>Contact (courriel ou téléphone)</translation>
    </message>
    <message>
        <source>Language of the submission</source>
        <translation>Langue de la contribution</translation>
    </message>
    <message>
        <source>Your answers</source>
        <translation>Vos réponses</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Votre réponse</translation>
    </message>
    <message>
        <source>Answer to question %1</source>
        <translation>Réponse à la question %1</translation>
    </message>
    <message>
        <source>%1 of %2 words</source>
        <translation>%1 mots sur %2</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n mot</numerusform>
            <numerusform>%n mots</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents and photos</source>
        <translation>Documents et photos</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Retirer %1</translation>
    </message>
    <message>
        <source>Up to %1 files of at most %2 each.</source>
        <translation>Jusqu’à %1 fichiers de %2 au plus chacun.</translation>
    </message>
    <message>
        <source>Attach a document or photo</source>
        <translation>Joindre un document ou une photo</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>It may be published with our name</source>
        <translation>Elle peut être publiée avec notre nom</translation>
    </message>
    <message>
        <source>It may be published without our name</source>
        <translation>Elle peut être publiée sans notre nom</translation>
    </message>
    <message>
        <source>It must stay confidential</source>
        <translation>Elle doit rester confidentielle</translation>
    </message>
    <message>
        <source>Review and send</source>
        <translation>Vérifier et envoyer</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>The original size, then the size of the smaller copy that will be sent.</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Original %1, sent as a smaller copy of %2</source>
        <translation>Original de %1, envoyé sous forme de copie réduite de %2</translation>
    </message>
    <message>
        <source>Send a smaller copy</source>
        <translation>Envoyer une copie réduite</translation>
    </message>
    <message>
        <source>Send a smaller copy of %1</source>
        <translation>Envoyer une copie réduite de %1</translation>
    </message>
    <message>
        <source>Making the smaller copy…</source>
        <translation>Création de la copie réduite…</translation>
    </message>
    <message>
        <source>The original is larger than the call accepts, so only the smaller copy can be sent. It also removes the location recorded in the photo.</source>
        <translation>L’original dépasse la taille acceptée par l’appel, seule la copie réduite peut donc être envoyée. Elle retire aussi la position géographique enregistrée dans la photo.</translation>
    </message>
    <message>
        <source>At most %1 pixels on the long side. It also removes the location recorded in the photo.</source>
        <translation>Au plus %1 pixels sur le grand côté. La copie retire aussi la position géographique enregistrée dans la photo.</translation>
    </message>
    <message>
        <source>This submission has been sent or is waiting to be sent, so it can no longer be changed. What you see here is what the secretariat receives.</source>
        <translation>Cette contribution a été envoyée ou attend de l’être&#xa0;: elle ne peut plus être modifiée. Ce que vous voyez ici est ce que reçoit le secrétariat.</translation>
    </message>
    <message>
        <source>This submission was taken out of the outbox and will not be sent. It stays as it was when you sent it; to change it and send it again, make an editable copy.</source>
        <translation>Cette contribution a été retirée de la boîte d’envoi et ne sera pas envoyée. Elle reste telle que vous l’avez envoyée&#xa0;; pour la modifier et l’envoyer de nouveau, faites-en une copie modifiable.</translation>
    </message>
    <message>
        <source>Make an editable copy</source>
        <translation>Faire une copie modifiable</translation>
    </message>
    <message>
        <source>Opens a new draft with the same answers and files, which you can change and send</source>
        <translation>Ouvre un nouveau brouillon avec les mêmes réponses et fichiers, que vous pouvez modifier et envoyer</translation>
    </message>
    <message>
        <source>This call is closed, so this draft cannot be sent. It stays here, and you can still export it as a document.</source>
        <translation>Cet appel est clos&#xa0;: ce brouillon ne peut donc pas être envoyé. Il reste ici, et vous pouvez toujours l’exporter en document.</translation>
    </message>
    <message>
        <source>Export as a document…</source>
        <translation>Exporter en document…</translation>
    </message>
    <message>
        <source>Export as a document</source>
        <translation>Exporter en document</translation>
    </message>
</context>
<context>
    <name>DraftsScreen</name>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>No drafts yet. Open a call for input and write a submission.</source>
        <translation>Aucun brouillon pour l’instant. Ouvrez un appel à contributions et rédigez une contribution.</translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation>Brouillon sans titre</translation>
    </message>
    <message>
        <source>Sent to the outbox</source>
        <translation>Placé dans la boîte d’envoi</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Enregistré le %1</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n réponse</numerusform>
            <numerusform>%n réponses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete this draft</source>
        <translation>Supprimer ce brouillon</translation>
    </message>
    <message>
        <source>Delete this draft?</source>
        <translation>Supprimer ce brouillon&#xa0;?</translation>
    </message>
    <message>
        <source>Its answers and attached files will be erased from this device. This cannot be undone.</source>
        <translation>Ses réponses et ses fichiers joints seront effacés de cet appareil. Cette action est définitive.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export this draft as a document</source>
        <translation>Exporter ce brouillon en document</translation>
    </message>
    <message>
        <source>It is waiting to be sent. Deleting it cancels the sending: nothing will reach the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.</source>
        <translation>Elle attend d’être envoyée. La supprimer annule l’envoi&#xa0;: rien ne parviendra au secrétariat. Ses réponses et ses fichiers joints seront effacés de cet appareil. Cette action est définitive.</translation>
    </message>
    <message>
        <source>Part of it has already been uploaded. Deleting it cancels the sending: the upload is stopped and never completed, so nothing reaches the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.</source>
        <translation>Une partie a déjà été transmise. La supprimer annule l’envoi&#xa0;: la transmission est arrêtée et ne sera jamais terminée, donc rien ne parvient au secrétariat. Ses réponses et ses fichiers joints seront effacés de cet appareil. Cette action est définitive.</translation>
    </message>
    <message>
        <source>All of it has already reached the secretariat; only the receipt has not come back yet. Deleting it does not take it back. Its answers, attached files and sending record will be erased from this device. This cannot be undone.</source>
        <translation>Elle est déjà entièrement parvenue au secrétariat&#xa0;; seul le reçu n’est pas encore revenu. La supprimer ici ne l’efface pas chez le secrétariat. Ses réponses, ses fichiers joints et le suivi de son envoi seront effacés de cet appareil. Cette action est définitive.</translation>
    </message>
    <message>
        <source>The secretariat has received it and keeps it: deleting it here does not take it back. Its answers, attached files and the delivery receipt, your proof that it arrived, will be erased from this device. This cannot be undone.</source>
        <translation>Le secrétariat l’a reçue et la conserve&#xa0;: la supprimer ici ne l’efface pas chez lui. Ses réponses, ses fichiers joints et le reçu, votre preuve qu’elle est arrivée, seront effacés de cet appareil. Cette action est définitive.</translation>
    </message>
    <message>
        <source>Delete this submission?</source>
        <translation>Supprimer cette contribution&#xa0;?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel, keep it</source>
        <translation>Annuler et la garder</translation>
    </message>
    <message>
        <source>Delete and cancel sending</source>
        <translation>Supprimer et annuler l’envoi</translation>
    </message>
    <message>
        <source>Delete this submission and cancel its sending</source>
        <translation>Supprimer cette contribution et annuler son envoi</translation>
    </message>
    <message>
        <source>Delete it for good</source>
        <translation>La supprimer définitivement</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export an unencrypted copy?</source>
        <translation>Exporter une copie non chiffrée&#xa0;?</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportation…</translation>
    </message>
    <message>
        <source>Document exported</source>
        <translation>Document exporté</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Non exporté</translation>
    </message>
    <message>
        <source>The document will NOT be encrypted. Anyone who gets this file can read it: your answers, your organization and your contact details. Send it only to the secretariat, and delete it once it is sent.</source>
        <translation>Le document ne sera PAS chiffré. Toute personne qui obtient ce fichier peut le lire&#xa0;: vos réponses, votre organisation et vos coordonnées. Envoyez-le uniquement au secrétariat et supprimez-le une fois envoyé.</translation>
    </message>
    <message>
        <source>Text document (ODT)</source>
        <translation>Document texte (ODT)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Choisir un autre dossier…</translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation>Choisir un autre dossier</translation>
    </message>
    <message>
        <source>Saved as %1. This copy is not encrypted: delete it once you have sent it.</source>
        <translation>Enregistré sous %1. Cette copie n’est pas chiffrée&#xa0;: supprimez-la une fois envoyée.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export an unencrypted copy</source>
        <translation>Exporter une copie non chiffrée</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Partager…</translation>
    </message>
    <message>
        <source>Share the exported document</source>
        <translation>Partager le document exporté</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1
Subject line: %2</source>
        <translation>Courriel du secrétariat&#xa0;: %1
Objet&#xa0;: %2</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1</source>
        <translation>Courriel du secrétariat&#xa0;: %1</translation>
    </message>
    <message>
        <source>Safer: save the sealed envelope. It is the submission as Amicus sends it, encrypted so that only the secretariat can read it. Send the file to the secretariat by e-mail, a messaging app or a USB stick.</source>
        <translation>Plus sûr&#xa0;: enregistrez l’enveloppe scellée. C’est la contribution telle qu’Amicus l’envoie, chiffrée pour que seul le secrétariat puisse la lire. Envoyez ce fichier au secrétariat par courriel, par une messagerie ou sur une clé USB.</translation>
    </message>
    <message>
        <source>Safer: press “Send when online”. The submission is then sealed and waits in the outbox, where you can save it as a sealed envelope that only the secretariat can read, and send it yourself.</source>
        <translation>Plus sûr&#xa0;: appuyez sur «&#xa0;Envoyer dès la connexion&#xa0;». La contribution est alors scellée et attend dans la boîte d’envoi, d’où vous pouvez l’enregistrer comme enveloppe scellée, que seul le secrétariat peut lire, et l’envoyer vous-même.</translation>
    </message>
    <message>
        <source>Save the sealed envelope</source>
        <translation>Enregistrer l’enveloppe scellée</translation>
    </message>
    <message>
        <source>Saved as %1 in %2. Only the secretariat can open it.</source>
        <translation>Enregistrée sous %1 dans %2. Seul le secrétariat peut l’ouvrir.</translation>
    </message>
    <message>
        <source>The sealed envelope could not be saved in %1. Choose another folder or free some space.</source>
        <translation>L’enveloppe scellée n’a pas pu être enregistrée dans %1. Choisissez un autre dossier ou libérez de l’espace.</translation>
    </message>
    <message>
        <source>The sealed envelope on this phone is damaged or missing.</source>
        <translation>L’enveloppe scellée de ce téléphone est endommagée ou manquante.</translation>
    </message>
    <message>
        <source>Share the sealed envelope…</source>
        <translation>Partager l’enveloppe scellée…</translation>
    </message>
    <message>
        <source>Share the sealed envelope</source>
        <translation>Partager l’enveloppe scellée</translation>
    </message>
    <message>
        <source>Or, for a secretariat that only takes documents, a readable copy:</source>
        <translation>Ou, pour un secrétariat qui n’accepte que des documents, une copie lisible&#xa0;:</translation>
    </message>
    <message>
        <source>Send it yourself</source>
        <translation>L’envoyer vous-même</translation>
    </message>
    <message>
        <source>Sent this way, it gets no receipt: keep the e-mail or message you send it with, and ask the secretariat to confirm that it arrived.</source>
        <translation>Envoyée ainsi, elle n’a pas de reçu&#xa0;: gardez le courriel ou le message avec lequel vous l’envoyez, et demandez au secrétariat de confirmer qu’elle est bien arrivée.</translation>
    </message>
</context>
<context>
    <name>FoldedText</name>
    <message>
        <source>Show less</source>
        <translation>Réduire</translation>
    </message>
    <message>
        <source>Read all</source>
        <translation>Tout lire</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Brouillons</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>tab</comment>
        <extracomment>A tab label: keep it short, the four tabs share a phone&apos;s width.</extracomment>
        <translation>Boîte d’envoi</translation>
    </message>
</context>
<context>
    <name>LanguageSelector</name>
    <message>
        <source>Language: %1</source>
        <translation>Langue&#xa0;: %1</translation>
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
    <name>OutboxScreen</name>
    <message>
        <source>Waiting for a network.</source>
        <translation>En attente d’un réseau.</translation>
    </message>
    <message>
        <source>Waiting for Wi-Fi (see Settings).</source>
        <translation>En attente du Wi-Fi (voir Paramètres).</translation>
    </message>
    <message>
        <source>Waiting for you to press “Send now”.</source>
        <translation>En attente de votre appui sur «&#xa0;Envoyer maintenant&#xa0;».</translation>
    </message>
    <message>
        <source>The connection failed. Next try at %1.</source>
        <translation>La connexion a échoué. Nouvel essai à %1.</translation>
    </message>
    <message>
        <source>The secretariat&apos;s server is busy. Amicus will try again at %1.</source>
        <translation>Le serveur du secrétariat est occupé. Amicus réessaiera à %1.</translation>
    </message>
    <message>
        <source>Queued.</source>
        <translation>En file d’attente.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Boîte d’envoi</translation>
    </message>
    <message>
        <source>Nothing to send. Finished submissions wait here until they are delivered.</source>
        <translation>Rien à envoyer. Les contributions terminées attendent ici jusqu’à leur remise.</translation>
    </message>
    <message>
        <source>Delivered %1 · receipt %2</source>
        <translation>Remise le %1 · reçu %2</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Envoyer maintenant</translation>
    </message>
    <message>
        <source>The secretariat&apos;s server does not accept a submission this large. Make an editable copy, make it smaller (send photos as smaller copies, remove files), then send the copy.</source>
        <translation>Le serveur du secrétariat n’accepte pas une contribution aussi volumineuse. Faites-en une copie modifiable, allégez-la (envoyez les photos en copie réduite, retirez des fichiers), puis envoyez la copie.</translation>
    </message>
    <message>
        <source>The secretariat&apos;s server refused this submission.</source>
        <translation>Le serveur du secrétariat a refusé cette contribution.</translation>
    </message>
    <message>
        <source>Nothing was sent: the server could not prove it is the secretariat&apos;s. This network may be intercepting connections. Try again on another network (mobile data or another Wi-Fi).</source>
        <translation>Rien n’a été envoyé&#xa0;: le serveur n’a pas pu prouver qu’il est celui du secrétariat. Ce réseau intercepte peut-être les connexions. Réessayez sur un autre réseau (données mobiles ou autre Wi-Fi).</translation>
    </message>
    <message>
        <source>This network first needs you to sign in (a Wi-Fi login page). Sign in with your browser, then try again.</source>
        <translation>Ce réseau demande d’abord de vous connecter (une page de connexion Wi-Fi). Connectez-vous avec votre navigateur, puis réessayez.</translation>
    </message>
    <message>
        <source>The server&apos;s receipt could not be verified, so delivery is not confirmed. Try again to ask the server once more.</source>
        <translation>Le reçu du serveur n’a pas pu être vérifié&#xa0;: la remise n’est donc pas confirmée. Réessayez pour le redemander au serveur.</translation>
    </message>
    <message>
        <source>This call is no longer offered, so the submission cannot be sent. The draft stays in Drafts, where you can export it as a document.</source>
        <translation>Cet appel n’est plus proposé&#xa0;: la contribution ne peut donc pas être envoyée. Le brouillon reste dans Brouillons, d’où vous pouvez l’exporter en document.</translation>
    </message>
    <message>
        <source>The encrypted package on this phone is damaged or missing, so it cannot be sent. Make an editable copy: the copy is packed again when you send it.</source>
        <translation>Le paquet chiffré sur ce téléphone est endommagé ou manquant&#xa0;: il ne peut donc pas être envoyé. Faites une copie modifiable&#xa0;: elle sera préparée à nouveau au moment de l’envoi.</translation>
    </message>
    <message>
        <source>To ask why, write to the %1: their address is on the call&apos;s web page. Give them this reference: %2</source>
        <translation>Pour savoir pourquoi, écrivez à l’organe suivant&#xa0;: %1. Son adresse figure sur la page web de l’appel. Donnez-lui cette référence&#xa0;: %2</translation>
    </message>
    <message>
        <source>To ask why, write to the secretariat that issued the call: their address is on the call&apos;s web page. Give them this reference: %1</source>
        <translation>Pour savoir pourquoi, écrivez au secrétariat qui a lancé l’appel&#xa0;: son adresse figure sur la page web de l’appel. Donnez-lui cette référence&#xa0;: %1</translation>
    </message>
    <message>
        <source>Sending: %1% of %2 · %3</source>
        <extracomment>%1 is the percentage, %2 the submission&apos;s size; in French and Spanish a (narrow) no-break space goes before &quot;%&quot;.</extracomment>
        <translation>Envoi&#xa0;: %1&#xa0;% de %2 · %3</translation>
    </message>
    <message>
        <source>Sending: %1% of %2</source>
        <translation>Envoi&#xa0;: %1&#xa0;% de %2</translation>
    </message>
    <message>
        <source>“%1” will not be sent, and its encrypted package is deleted from this phone. The draft stays in Drafts as it is.</source>
        <translation>«&#xa0;%1&#xa0;» ne sera pas envoyée, et son paquet chiffré est supprimé de ce téléphone. Le brouillon reste tel quel dans Brouillons.</translation>
    </message>
    <message>
        <source>The secretariat may already have it: only its receipt could not be verified. Removing it stops this phone from asking again.</source>
        <translation>Le secrétariat l’a peut-être déjà reçue&#xa0;: seul son reçu n’a pas pu être vérifié. La retirer empêche seulement ce téléphone de redemander.</translation>
    </message>
    <message>
        <source>The part already uploaded is never completed, so nothing reaches the secretariat.</source>
        <translation>La partie déjà envoyée ne sera jamais complétée&#xa0;: rien ne parvient donc au secrétariat.</translation>
    </message>
    <message>
        <source>To change it and send it again, make an editable copy first.</source>
        <translation>Pour la modifier et la renvoyer, faites d’abord une copie modifiable.</translation>
    </message>
    <message>
        <source>An editable copy is in Drafts.</source>
        <translation>Une copie modifiable se trouve dans Brouillons.</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Try again now to send “%1”</source>
        <translation>Réessayer maintenant d’envoyer «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Make an editable copy</source>
        <translation>Faire une copie modifiable</translation>
    </message>
    <message>
        <source>Make an editable copy of “%1”</source>
        <translation>Faire une copie modifiable de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Open the copy</source>
        <translation>Ouvrir la copie</translation>
    </message>
    <message>
        <source>Open the editable copy of “%1”</source>
        <translation>Ouvrir la copie modifiable de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Open the draft</source>
        <translation>Ouvrir le brouillon</translation>
    </message>
    <message>
        <source>Open the draft of “%1”</source>
        <translation>Ouvrir le brouillon de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Remove from the outbox</source>
        <translation>Retirer de la boîte d’envoi</translation>
    </message>
    <message>
        <source>Remove “%1” from the outbox</source>
        <translation>Retirer «&#xa0;%1&#xa0;» de la boîte d’envoi</translation>
    </message>
    <message>
        <source>Remove from the outbox?</source>
        <translation>Retirer de la boîte d’envoi&#xa0;?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>To ask why, write to the secretariat at %1. Give them this reference: %2</source>
        <translation>Pour savoir pourquoi, écrivez au secrétariat à l’adresse %1. Indiquez-lui cette référence&#xa0;: %2</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>The receipt of “%1”</source>
        <translation>Le reçu de «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Held back: the call is closed.</source>
        <translation>Retenue&#xa0;: l’appel est clos.</translation>
    </message>
    <message>
        <source>This call has closed since, so this submission is not sent unless the secretariat opens the call again. Your draft stays in Drafts, where you can export it.</source>
        <translation>Cet appel a été clos entre-temps&#xa0;: cette contribution n’est donc pas envoyée, sauf si le secrétariat rouvre l’appel. Votre brouillon reste dans Brouillons, d’où vous pouvez l’exporter.</translation>
    </message>
    <message>
        <source>Send it yourself…</source>
        <translation>L’envoyer vous-même…</translation>
    </message>
    <message>
        <source>Save “%1” as a sealed envelope to send yourself</source>
        <translation>Enregistrer «&#xa0;%1&#xa0;» comme enveloppe scellée à envoyer vous-même</translation>
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
        <translation>Un problème est survenu. Rien n’a été perdu&#xa0;; réessayez.</translation>
    </message>
    <message>
        <source>This file is larger than the call accepts.</source>
        <translation>Ce fichier dépasse la taille acceptée par l’appel.</translation>
    </message>
    <message>
        <source>This file could not be read.</source>
        <translation>Ce fichier n’a pas pu être lu.</translation>
    </message>
    <message>
        <source>This call accepts no more attachments.</source>
        <translation>Cet appel n’accepte plus de fichiers joints.</translation>
    </message>
    <message>
        <source>Amicus locked itself. Unlock it to go on; nothing was lost.</source>
        <translation>Amicus s’est verrouillé. Déverrouillez-le pour continuer&#xa0;; rien n’a été perdu.</translation>
    </message>
    <message>
        <source>The document could not be saved in this folder. Choose another folder, then try again.</source>
        <translation>Le document n’a pas pu être enregistré dans ce dossier. Choisissez un autre dossier, puis réessayez.</translation>
    </message>
    <message>
        <source>This submission has been sent or is waiting to be sent, so it can no longer be changed.</source>
        <translation>Cette contribution a été envoyée ou attend de l’être&#xa0;: elle ne peut plus être modifiée.</translation>
    </message>
    <message>
        <source>This device did not let Amicus use the key that protects your data. Unlock the device, then try again.</source>
        <translation>Cet appareil n’a pas laissé Amicus utiliser la clé qui protège vos données. Déverrouillez l’appareil, puis réessayez.</translation>
    </message>
    <message>
        <source>This device no longer has the key that protects your data, so it cannot be opened here. Nothing was deleted.</source>
        <translation>Cet appareil n’a plus la clé qui protège vos données&#xa0;: elles ne peuvent plus être ouvertes ici. Rien n’a été supprimé.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <source>Signed by the secretariat&apos;s endpoint: the signature checks.</source>
        <translation>Signé par le serveur du secrétariat&#xa0;: la signature est valide.</translation>
    </message>
    <message>
        <source>The signature could not be checked with the call&apos;s current key.</source>
        <translation>La signature n’a pas pu être vérifiée avec la clé actuelle de l’appel.</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Reçue le</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>SHA-256 of what arrived</source>
        <translation>SHA-256 de ce qui est arrivé</translation>
    </message>
    <message>
        <source>Saved as %1. The secretariat can check it with amicus-intake receipt verify.</source>
        <translation>Enregistré sous %1. Le secrétariat peut vérifier ce reçu avec amicus-intake receipt verify.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <source>Save as a file</source>
        <translation>Enregistrer dans un fichier</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Review and send</source>
        <translation>Vérifier et envoyer</translation>
    </message>
    <message>
        <source>This call is no longer offered. The draft stays readable, but it cannot be sent.</source>
        <translation>Cet appel n’est plus proposé. Le brouillon reste lisible, mais il ne peut pas être envoyé.</translation>
    </message>
    <message>
        <source>This call is closed. The draft stays readable, but it cannot be sent.</source>
        <translation>Cet appel est clos. Le brouillon reste lisible, mais il ne peut pas être envoyé.</translation>
    </message>
    <message>
        <source>Give the name of your organization, or your own name.</source>
        <translation>Indiquez le nom de votre organisation, ou votre propre nom.</translation>
    </message>
    <message>
        <source>Give the country.</source>
        <translation>Indiquez le pays.</translation>
    </message>
    <message>
        <source>Choose whether the submission may be published.</source>
        <translation>Indiquez si la contribution peut être publiée.</translation>
    </message>
    <message>
        <source>Answer at least one key question.</source>
        <translation>Répondez à au moins une question clé.</translation>
    </message>
    <message>
        <source>The answer to question %1 has %2 words; the call accepts %3.</source>
        <translation>La réponse à la question %1 compte %2 mots&#xa0;; l’appel en accepte %3.</translation>
    </message>
    <message>
        <source>There are %1 attached files; the call accepts %2.</source>
        <translation>Il y a %1 fichiers joints&#xa0;; l’appel en accepte %2.</translation>
    </message>
    <message>
        <source>Ready. Your submission will be encrypted so that only the secretariat can read it, then sent as soon as a network allows.</source>
        <translation>Prête. Votre contribution sera chiffrée pour que seul le secrétariat puisse la lire, puis envoyée dès qu’un réseau le permettra.</translation>
    </message>
    <message>
        <source>Before sending, please fix:</source>
        <translation>Avant l’envoi, veuillez corriger&#xa0;:</translation>
    </message>
    <message>
        <source>Back to the draft</source>
        <translation>Retour au brouillon</translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation>Chiffrement…</translation>
    </message>
    <message>
        <source>Send when online</source>
        <translation>Envoyer dès la connexion</translation>
    </message>
    <message>
        <source>The attached file “%1” is %2; the call accepts files up to %3.</source>
        <translation>Le fichier joint «&#xa0;%1&#xa0;» fait %2&#xa0;; l’appel accepte des fichiers jusqu’à %3.</translation>
    </message>
    <message>
        <source>Export as a document…</source>
        <translation>Exporter en document…</translation>
    </message>
    <message>
        <source>Export as a document</source>
        <translation>Exporter en document</translation>
    </message>
    <message>
        <source>It may be published with your organization or name and your country. Your contact details are never published.</source>
        <translation>Elle peut être publiée avec le nom de votre organisation (ou le vôtre) et votre pays. Vos coordonnées ne sont jamais publiées.</translation>
    </message>
    <message>
        <source>It may be published without your organization or name, your country or your attached files. The secretariat still receives them, encrypted.</source>
        <translation>Elle peut être publiée sans le nom de votre organisation (ou le vôtre), sans votre pays et sans vos fichiers joints. Le secrétariat les reçoit tout de même, chiffrés.</translation>
    </message>
    <message>
        <source>It will not be published. Only the secretariat reads it.</source>
        <translation>Elle ne sera pas publiée. Seul le secrétariat la lit.</translation>
    </message>
    <message>
        <source>Not chosen yet.</source>
        <translation>Pas encore choisie.</translation>
    </message>
    <message>
        <source>It leaves only over Wi-Fi or another unmetered network (see Settings).</source>
        <translation>Elle part uniquement en Wi-Fi ou sur un autre réseau non facturé au volume (voir Paramètres).</translation>
    </message>
    <message>
        <source>It waits in the outbox until you press “Send now” (see Settings).</source>
        <translation>Elle attend dans la boîte d’envoi jusqu’à ce que vous appuyiez sur «&#xa0;Envoyer maintenant&#xa0;» (voir Paramètres).</translation>
    </message>
    <message>
        <source>It leaves over the first network available (see Settings).</source>
        <translation>Elle part sur le premier réseau disponible (voir Paramètres).</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sans réponse</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n mot</numerusform>
            <numerusform>%n mots</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 words: too long, the call accepts %2</source>
        <translation>%1 mots&#xa0;: trop long, l’appel en accepte %2</translation>
    </message>
    <message>
        <source>%1 of %2 words</source>
        <translation>%1 mots sur %2</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>Ce qui sera envoyé</translation>
    </message>
    <message>
        <source>Call for input</source>
        <translation>Appel à contributions</translation>
    </message>
    <message>
        <source>This call is no longer offered.</source>
        <translation>Cet appel n’est plus proposé.</translation>
    </message>
    <message>
        <source>Encrypted for the secretariat of</source>
        <translation>Chiffré pour le secrétariat de</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De la part de</translation>
    </message>
    <message>
        <source>Organization or name not given</source>
        <translation>Organisation ou nom non indiqué</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non indiqué</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Réponses</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 to send</source>
        <translation>
            <numerusform>%n fichier, %1 à envoyer</numerusform>
            <numerusform>%n fichiers, %1 à envoyer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) sent as a smaller copy</source>
        <translation>
            <numerusform>%n photo envoyée sous forme de copie réduite</numerusform>
            <numerusform>%n photos envoyées sous forme de copie réduite</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>The deadline has passed (%1). You can still send, but your submission will arrive late.</source>
        <translation>La date limite est passée (%1). Vous pouvez encore envoyer, mais votre contribution arrivera en retard.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>On any network</source>
        <translation>Sur n’importe quel réseau</translation>
    </message>
    <message>
        <source>Only on Wi-Fi or other unmetered networks</source>
        <translation>Uniquement en Wi-Fi ou sur un autre réseau non facturé au volume</translation>
    </message>
    <message>
        <source>Only when I press “Send now”</source>
        <translation>Uniquement quand j’appuie sur «&#xa0;Envoyer maintenant&#xa0;»</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sécurité</translation>
    </message>
    <message>
        <source>Lock Amicus after it has been in the background for</source>
        <translation>Verrouiller Amicus après une période en arrière-plan de</translation>
    </message>
    <message>
        <source>No time: lock at once</source>
        <translation>Aucun délai&#xa0;: verrouiller aussitôt</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>Auto-lock delay</source>
        <translation>Délai de verrouillage automatique</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Changer de phrase secrète</translation>
    </message>
    <message>
        <source>Erase everything on this device</source>
        <translation>Tout effacer sur cet appareil</translation>
    </message>
    <message>
        <source>About</source>
        <translation>À propos</translation>
    </message>
    <message>
        <source>Amicus %1. Submissions are encrypted with age (X25519, ChaCha20-Poly1305) to the secretariat&apos;s keys and sent with tus.</source>
        <translation>Amicus %1. Les contributions sont chiffrées avec age (X25519, ChaCha20-Poly1305) pour les clés du secrétariat et envoyées avec tus.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase secrète actuelle</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Nouvelle phrase secrète (confirmation)</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Modification…</translation>
    </message>
    <message>
        <source>Erase everything?</source>
        <translation>Tout effacer&#xa0;?</translation>
    </message>
    <message>
        <source>The keys that protect your drafts are destroyed first, then every draft, file and submission waiting to be sent. Nobody can recover them afterwards. Submissions already delivered stay with the secretariat.</source>
        <translation>Les clés qui protègent vos brouillons sont détruites en premier, puis chaque brouillon, fichier et contribution en attente d’envoi. Personne ne pourra les récupérer. Les contributions déjà remises restent auprès du secrétariat.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Erase everything</source>
        <translation>Tout effacer</translation>
    </message>
    <message>
        <source>Amicus %1 helps you answer a UN call for input, even offline. What you write is encrypted on this phone, and your submission is encrypted end to end to the secretariat: only the secretariat can read it, not the networks and servers it passes through.</source>
        <translation>Amicus %1 vous aide à répondre à un appel à contributions de l’ONU, même hors ligne. Ce que vous écrivez est chiffré sur ce téléphone, et votre contribution est chiffrée de bout en bout jusqu’au secrétariat&#xa0;: lui seul peut la lire, pas les réseaux ni les serveurs par lesquels elle passe.</translation>
    </message>
    <message>
        <source>Hide technical details</source>
        <translation>Masquer les détails techniques</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Détails techniques</translation>
    </message>
    <message>
        <source>Amicus is free software under the Apache License, version 2.0.</source>
        <translation>Amicus est un logiciel libre, sous la licence Apache, version 2.0.</translation>
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
        <translation>Répondez aux appels à contributions de l’ONU, même hors ligne&#xa0;: vos brouillons restent chiffrés sur ce téléphone et partent dès qu’un réseau est disponible.</translation>
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
        <translation>Lorsque vous envoyez une contribution, elle est chiffrée de sorte que seul le secrétariat de l’appel puisse l’ouvrir&#xa0;: ni le réseau, ni le serveur qui la reçoit.</translation>
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
        <translation>Si vous oubliez cette phrase secrète, personne ne pourra récupérer vos brouillons&#xa0;: ni nous, ni le secrétariat.</translation>
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
