<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AppSettings</name>
    <message>
        <source>Public domain</source>
        <translation>Public domain</translation>
    </message>
</context>
<context>
    <name>CallScreen</name>
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
    <message>
        <source>Closed: this call no longer takes submissions. You can still read it and export your drafts.</source>
        <translation>Closed: this call no longer takes submissions. You can still read it and export your drafts.</translation>
    </message>
    <message>
        <source>Deadline not stated — see the call&apos;s page</source>
        <translation>Deadline not stated — see the call&apos;s page</translation>
    </message>
    <message>
        <source>The deadline has passed (%1). You can still send, but your submission will arrive late.</source>
        <translation>The deadline has passed (%1). You can still send, but your submission will arrive late.</translation>
    </message>
    <message>
        <source>Deadline: %1 · last day</source>
        <translation>Deadline: %1 · last day</translation>
    </message>
    <message numerus="yes">
        <source>Deadline: %1 · %n day(s) left</source>
        <translation>
            <numerusform>Deadline: %1 · %n day left</numerusform>
            <numerusform>Deadline: %1 · %n days left</numerusform>
        </translation>
    </message>
    <message>
        <source>The inputs it received are published on the call&apos;s page.</source>
        <translation>The inputs it received are published on the call&apos;s page.</translation>
    </message>
    <message>
        <source>Our own translation, not the official text.</source>
        <translation>Our own translation, not the official text.</translation>
    </message>
    <message>
        <source>Official text</source>
        <translation>Official text</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Background</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <source>%1 words per answer</source>
        <translation>%1 words per answer</translation>
    </message>
    <message>
        <source>limit set for this call</source>
        <translation>limit set for this call</translation>
    </message>
    <message>
        <source>Amicus default</source>
        <translation>Amicus default</translation>
    </message>
    <message numerus="yes">
        <source>Up to %n file(s)</source>
        <translation>
            <numerusform>Up to %n file</numerusform>
            <numerusform>Up to %n files</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per file</source>
        <translation>%1 per file</translation>
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
        <translation>The secretariat&apos;s e-mail: %1
Subject line: %2</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1</source>
        <translation>The secretariat&apos;s e-mail: %1</translation>
    </message>
    <message>
        <source>Write an e-mail</source>
        <translation>Write an e-mail</translation>
    </message>
    <message>
        <source>The call&apos;s page</source>
        <translation>The call&apos;s page</translation>
    </message>
    <message>
        <source>Call</source>
        <extracomment>The header of one call&apos;s page: short, a phone&apos;s header has room for a word or two.</extracomment>
        <translation>Call</translation>
    </message>
    <message>
        <source>Official documents: the call in %1, to download from the call&apos;s page.</source>
        <extracomment>%1 lists formats and languages, e.g. &quot;Word (English, Français, Español)&quot;.</extracomment>
        <translation>Official documents: the call in %1, to download from the call&apos;s page.</translation>
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
        <source>Closed · inputs published</source>
        <translation>Closed · inputs published</translation>
    </message>
    <message>
        <source>Deadline passed (%1) · sending now arrives late</source>
        <translation>Deadline passed (%1) · sending now arrives late</translation>
    </message>
    <message>
        <source>Open · deadline not stated</source>
        <translation>Open · deadline not stated</translation>
    </message>
</context>
<context>
    <name>DraftEditorScreen</name>
    <message>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>Saved, encrypted on this device</source>
        <translation>Saved, encrypted on this device</translation>
    </message>
    <message>
        <source>Who is submitting</source>
        <translation>Who is submitting</translation>
    </message>
    <message>
        <source>Organization or name</source>
        <translation>Organization or name</translation>
    </message>
    <message>
        <source>Non-governmental organization</source>
        <translation>Non-governmental organization</translation>
    </message>
    <message>
        <source>National human rights institution</source>
        <translation>National human rights institution</translation>
    </message>
    <message>
        <source>Academic or research institution</source>
        <translation>Academic or research institution</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Individual</translation>
    </message>
    <message>
        <source>State or government body</source>
        <translation>State or government body</translation>
    </message>
    <message>
        <source>United Nations entity</source>
        <translation>United Nations entity</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Kind of organization</source>
        <translation>Kind of organization</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Contact (e-mail or phone)</source>
        <translation>Contact (e-mail or phone)</translation>
    </message>
    <message>
        <source>Language of the submission</source>
        <translation>Language of the submission</translation>
    </message>
    <message>
        <source>Your answers</source>
        <translation>Your answers</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Your answer</translation>
    </message>
    <message>
        <source>Answer to question %1</source>
        <translation>Answer to question %1</translation>
    </message>
    <message>
        <source>%1 of %2 words</source>
        <translation>%1 of %2 words</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents and photos</source>
        <translation>Documents and photos</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>Up to %1 files of at most %2 each.</source>
        <translation>Up to %1 files of at most %2 each.</translation>
    </message>
    <message>
        <source>Attach a document or photo</source>
        <translation>Attach a document or photo</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>It may be published with our name</source>
        <translation>It may be published with our name</translation>
    </message>
    <message>
        <source>It may be published without our name</source>
        <translation>It may be published without our name</translation>
    </message>
    <message>
        <source>It must stay confidential</source>
        <translation>It must stay confidential</translation>
    </message>
    <message>
        <source>Review and send</source>
        <translation>Review and send</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>The original size, then the size of the smaller copy that will be sent.</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Original %1, sent as a smaller copy of %2</source>
        <translation>Original %1, sent as a smaller copy of %2</translation>
    </message>
    <message>
        <source>Send a smaller copy</source>
        <translation>Send a smaller copy</translation>
    </message>
    <message>
        <source>Send a smaller copy of %1</source>
        <translation>Send a smaller copy of %1</translation>
    </message>
    <message>
        <source>Making the smaller copy…</source>
        <translation>Making the smaller copy…</translation>
    </message>
    <message>
        <source>The original is larger than the call accepts, so only the smaller copy can be sent. It also removes the location recorded in the photo.</source>
        <translation>The original is larger than the call accepts, so only the smaller copy can be sent. It also removes the location recorded in the photo.</translation>
    </message>
    <message>
        <source>At most %1 pixels on the long side. It also removes the location recorded in the photo.</source>
        <translation>At most %1 pixels on the long side. It also removes the location recorded in the photo.</translation>
    </message>
    <message>
        <source>This submission has been sent or is waiting to be sent, so it can no longer be changed. What you see here is what the secretariat receives.</source>
        <translation>This submission has been sent or is waiting to be sent, so it can no longer be changed. What you see here is what the secretariat receives.</translation>
    </message>
    <message>
        <source>This submission was taken out of the outbox and will not be sent. It stays as it was when you sent it; to change it and send it again, make an editable copy.</source>
        <translation>This submission was taken out of the outbox and will not be sent. It stays as it was when you sent it; to change it and send it again, make an editable copy.</translation>
    </message>
    <message>
        <source>Make an editable copy</source>
        <translation>Make an editable copy</translation>
    </message>
    <message>
        <source>Opens a new draft with the same answers and files, which you can change and send</source>
        <translation>Opens a new draft with the same answers and files, which you can change and send</translation>
    </message>
    <message>
        <source>This call is closed, so this draft cannot be sent. It stays here, and you can still export it as a document.</source>
        <translation>This call is closed, so this draft cannot be sent. It stays here, and you can still export it as a document.</translation>
    </message>
    <message>
        <source>Export as a document…</source>
        <translation>Export as a document…</translation>
    </message>
    <message>
        <source>Export as a document</source>
        <translation>Export as a document</translation>
    </message>
</context>
<context>
    <name>DraftsScreen</name>
    <message>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>No drafts yet. Open a call for input and write a submission.</source>
        <translation>No drafts yet. Open a call for input and write a submission.</translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation>Untitled draft</translation>
    </message>
    <message>
        <source>Sent to the outbox</source>
        <translation>Sent to the outbox</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete this draft</source>
        <translation>Delete this draft</translation>
    </message>
    <message>
        <source>Delete this draft?</source>
        <translation>Delete this draft?</translation>
    </message>
    <message>
        <source>Its answers and attached files will be erased from this device. This cannot be undone.</source>
        <translation>Its answers and attached files will be erased from this device. This cannot be undone.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export this draft as a document</source>
        <translation>Export this draft as a document</translation>
    </message>
    <message>
        <source>It is waiting to be sent. Deleting it cancels the sending: nothing will reach the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.</source>
        <translation>It is waiting to be sent. Deleting it cancels the sending: nothing will reach the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.</translation>
    </message>
    <message>
        <source>Part of it has already been uploaded. Deleting it cancels the sending: the upload is stopped and never completed, so nothing reaches the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.</source>
        <translation>Part of it has already been uploaded. Deleting it cancels the sending: the upload is stopped and never completed, so nothing reaches the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.</translation>
    </message>
    <message>
        <source>All of it has already reached the secretariat; only the receipt has not come back yet. Deleting it does not take it back. Its answers, attached files and sending record will be erased from this device. This cannot be undone.</source>
        <translation>All of it has already reached the secretariat; only the receipt has not come back yet. Deleting it does not take it back. Its answers, attached files and sending record will be erased from this device. This cannot be undone.</translation>
    </message>
    <message>
        <source>The secretariat has received it and keeps it: deleting it here does not take it back. Its answers, attached files and the delivery receipt, your proof that it arrived, will be erased from this device. This cannot be undone.</source>
        <translation>The secretariat has received it and keeps it: deleting it here does not take it back. Its answers, attached files and the delivery receipt, your proof that it arrived, will be erased from this device. This cannot be undone.</translation>
    </message>
    <message>
        <source>Delete this submission?</source>
        <translation>Delete this submission?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel, keep it</source>
        <translation>Cancel, keep it</translation>
    </message>
    <message>
        <source>Delete and cancel sending</source>
        <translation>Delete and cancel sending</translation>
    </message>
    <message>
        <source>Delete this submission and cancel its sending</source>
        <translation>Delete this submission and cancel its sending</translation>
    </message>
    <message>
        <source>Delete it for good</source>
        <translation>Delete it for good</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export an unencrypted copy?</source>
        <translation>Export an unencrypted copy?</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Document exported</source>
        <translation>Document exported</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <source>The document will NOT be encrypted. Anyone who gets this file can read it: your answers, your organization and your contact details. Send it only to the secretariat, and delete it once it is sent.</source>
        <translation>The document will NOT be encrypted. Anyone who gets this file can read it: your answers, your organization and your contact details. Send it only to the secretariat, and delete it once it is sent.</translation>
    </message>
    <message>
        <source>Text document (ODT)</source>
        <translation>Text document (ODT)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Folder: %1</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Choose another folder…</translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation>Choose another folder</translation>
    </message>
    <message>
        <source>Saved as %1. This copy is not encrypted: delete it once you have sent it.</source>
        <translation>Saved as %1. This copy is not encrypted: delete it once you have sent it.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Export an unencrypted copy</source>
        <translation>Export an unencrypted copy</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Share…</translation>
    </message>
    <message>
        <source>Share the exported document</source>
        <translation>Share the exported document</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1
Subject line: %2</source>
        <translation>The secretariat&apos;s e-mail: %1
Subject line: %2</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1</source>
        <translation>The secretariat&apos;s e-mail: %1</translation>
    </message>
    <message>
        <source>Safer: save the sealed envelope. It is the submission as Amicus sends it, encrypted so that only the secretariat can read it. Send the file to the secretariat by e-mail, a messaging app or a USB stick.</source>
        <translation>Safer: save the sealed envelope. It is the submission as Amicus sends it, encrypted so that only the secretariat can read it. Send the file to the secretariat by e-mail, a messaging app or a USB stick.</translation>
    </message>
    <message>
        <source>Safer: press “Send when online”. The submission is then sealed and waits in the outbox, where you can save it as a sealed envelope that only the secretariat can read, and send it yourself.</source>
        <translation>Safer: press “Send when online”. The submission is then sealed and waits in the outbox, where you can save it as a sealed envelope that only the secretariat can read, and send it yourself.</translation>
    </message>
    <message>
        <source>Save the sealed envelope</source>
        <translation>Save the sealed envelope</translation>
    </message>
    <message>
        <source>Saved as %1 in %2. Only the secretariat can open it.</source>
        <translation>Saved as %1 in %2. Only the secretariat can open it.</translation>
    </message>
    <message>
        <source>The sealed envelope could not be saved in %1. Choose another folder or free some space.</source>
        <translation>The sealed envelope could not be saved in %1. Choose another folder or free some space.</translation>
    </message>
    <message>
        <source>The sealed envelope on this phone is damaged or missing.</source>
        <translation>The sealed envelope on this phone is damaged or missing.</translation>
    </message>
    <message>
        <source>Share the sealed envelope…</source>
        <translation>Share the sealed envelope…</translation>
    </message>
    <message>
        <source>Share the sealed envelope</source>
        <translation>Share the sealed envelope</translation>
    </message>
    <message>
        <source>Or, for a secretariat that only takes documents, a readable copy:</source>
        <translation>Or, for a secretariat that only takes documents, a readable copy:</translation>
    </message>
    <message>
        <source>Send it yourself</source>
        <translation>Send it yourself</translation>
    </message>
    <message>
        <source>Sent this way, it gets no receipt: keep the e-mail or message you send it with, and ask the secretariat to confirm that it arrived.</source>
        <translation>Sent this way, it gets no receipt: keep the e-mail or message you send it with, and ask the secretariat to confirm that it arrived.</translation>
    </message>
</context>
<context>
    <name>FoldedText</name>
    <message>
        <source>Show less</source>
        <translation>Show less</translation>
    </message>
    <message>
        <source>Read all</source>
        <translation>Read all</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Calls</source>
        <translation>Calls</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Drafts</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>tab</comment>
        <extracomment>A tab label: keep it short, the four tabs share a phone&apos;s width.</extracomment>
        <translation>Outbox</translation>
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
    <message>
        <source>Lock</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>OutboxScreen</name>
    <message>
        <source>Waiting for a network.</source>
        <translation>Waiting for a network.</translation>
    </message>
    <message>
        <source>Waiting for Wi-Fi (see Settings).</source>
        <translation>Waiting for Wi-Fi (see Settings).</translation>
    </message>
    <message>
        <source>Waiting for you to press “Send now”.</source>
        <translation>Waiting for you to press “Send now”.</translation>
    </message>
    <message>
        <source>The connection failed. Next try at %1.</source>
        <translation>The connection failed. Next try at %1.</translation>
    </message>
    <message>
        <source>The secretariat&apos;s server is busy. Amicus will try again at %1.</source>
        <translation>The secretariat&apos;s server is busy. Amicus will try again at %1.</translation>
    </message>
    <message>
        <source>Queued.</source>
        <translation>Queued.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Nothing to send. Finished submissions wait here until they are delivered.</source>
        <translation>Nothing to send. Finished submissions wait here until they are delivered.</translation>
    </message>
    <message>
        <source>Delivered %1 · receipt %2</source>
        <translation>Delivered %1 · receipt %2</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>The secretariat&apos;s server does not accept a submission this large. Make an editable copy, make it smaller (send photos as smaller copies, remove files), then send the copy.</source>
        <translation>The secretariat&apos;s server does not accept a submission this large. Make an editable copy, make it smaller (send photos as smaller copies, remove files), then send the copy.</translation>
    </message>
    <message>
        <source>The secretariat&apos;s server refused this submission.</source>
        <translation>The secretariat&apos;s server refused this submission.</translation>
    </message>
    <message>
        <source>Nothing was sent: the server could not prove it is the secretariat&apos;s. This network may be intercepting connections. Try again on another network (mobile data or another Wi-Fi).</source>
        <translation>Nothing was sent: the server could not prove it is the secretariat&apos;s. This network may be intercepting connections. Try again on another network (mobile data or another Wi-Fi).</translation>
    </message>
    <message>
        <source>This network first needs you to sign in (a Wi-Fi login page). Sign in with your browser, then try again.</source>
        <translation>This network first needs you to sign in (a Wi-Fi login page). Sign in with your browser, then try again.</translation>
    </message>
    <message>
        <source>The server&apos;s receipt could not be verified, so delivery is not confirmed. Try again to ask the server once more.</source>
        <translation>The server&apos;s receipt could not be verified, so delivery is not confirmed. Try again to ask the server once more.</translation>
    </message>
    <message>
        <source>This call is no longer offered, so the submission cannot be sent. The draft stays in Drafts, where you can export it as a document.</source>
        <translation>This call is no longer offered, so the submission cannot be sent. The draft stays in Drafts, where you can export it as a document.</translation>
    </message>
    <message>
        <source>The encrypted package on this phone is damaged or missing, so it cannot be sent. Make an editable copy: the copy is packed again when you send it.</source>
        <translation>The encrypted package on this phone is damaged or missing, so it cannot be sent. Make an editable copy: the copy is packed again when you send it.</translation>
    </message>
    <message>
        <source>To ask why, write to the %1: their address is on the call&apos;s web page. Give them this reference: %2</source>
        <translation>To ask why, write to the %1: their address is on the call&apos;s web page. Give them this reference: %2</translation>
    </message>
    <message>
        <source>To ask why, write to the secretariat that issued the call: their address is on the call&apos;s web page. Give them this reference: %1</source>
        <translation>To ask why, write to the secretariat that issued the call: their address is on the call&apos;s web page. Give them this reference: %1</translation>
    </message>
    <message>
        <source>Sending: %1% of %2 · %3</source>
        <extracomment>%1 is the percentage, %2 the submission&apos;s size; in French and Spanish a (narrow) no-break space goes before &quot;%&quot;.</extracomment>
        <translation>Sending: %1% of %2 · %3</translation>
    </message>
    <message>
        <source>Sending: %1% of %2</source>
        <translation>Sending: %1% of %2</translation>
    </message>
    <message>
        <source>“%1” will not be sent, and its encrypted package is deleted from this phone. The draft stays in Drafts as it is.</source>
        <translation>“%1” will not be sent, and its encrypted package is deleted from this phone. The draft stays in Drafts as it is.</translation>
    </message>
    <message>
        <source>The secretariat may already have it: only its receipt could not be verified. Removing it stops this phone from asking again.</source>
        <translation>The secretariat may already have it: only its receipt could not be verified. Removing it stops this phone from asking again.</translation>
    </message>
    <message>
        <source>The part already uploaded is never completed, so nothing reaches the secretariat.</source>
        <translation>The part already uploaded is never completed, so nothing reaches the secretariat.</translation>
    </message>
    <message>
        <source>To change it and send it again, make an editable copy first.</source>
        <translation>To change it and send it again, make an editable copy first.</translation>
    </message>
    <message>
        <source>An editable copy is in Drafts.</source>
        <translation>An editable copy is in Drafts.</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Try again now</translation>
    </message>
    <message>
        <source>Try again now to send “%1”</source>
        <translation>Try again now to send “%1”</translation>
    </message>
    <message>
        <source>Make an editable copy</source>
        <translation>Make an editable copy</translation>
    </message>
    <message>
        <source>Make an editable copy of “%1”</source>
        <translation>Make an editable copy of “%1”</translation>
    </message>
    <message>
        <source>Open the copy</source>
        <translation>Open the copy</translation>
    </message>
    <message>
        <source>Open the editable copy of “%1”</source>
        <translation>Open the editable copy of “%1”</translation>
    </message>
    <message>
        <source>Open the draft</source>
        <translation>Open the draft</translation>
    </message>
    <message>
        <source>Open the draft of “%1”</source>
        <translation>Open the draft of “%1”</translation>
    </message>
    <message>
        <source>Remove from the outbox</source>
        <translation>Remove from the outbox</translation>
    </message>
    <message>
        <source>Remove “%1” from the outbox</source>
        <translation>Remove “%1” from the outbox</translation>
    </message>
    <message>
        <source>Remove from the outbox?</source>
        <translation>Remove from the outbox?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>To ask why, write to the secretariat at %1. Give them this reference: %2</source>
        <translation>To ask why, write to the secretariat at %1. Give them this reference: %2</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>The receipt of “%1”</source>
        <translation>The receipt of “%1”</translation>
    </message>
    <message>
        <source>Held back: the call is closed.</source>
        <translation>Held back: the call is closed.</translation>
    </message>
    <message>
        <source>This call has closed since, so this submission is not sent unless the secretariat opens the call again. Your draft stays in Drafts, where you can export it.</source>
        <translation>This call has closed since, so this submission is not sent unless the secretariat opens the call again. Your draft stays in Drafts, where you can export it.</translation>
    </message>
    <message>
        <source>Send it yourself…</source>
        <translation>Send it yourself…</translation>
    </message>
    <message>
        <source>Save “%1” as a sealed envelope to send yourself</source>
        <translation>Save “%1” as a sealed envelope to send yourself</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message numerus="yes">
        <source>The passphrase must have at least %n characters.</source>
        <translation>
            <numerusform>The passphrase must have at least %n character.</numerusform>
            <numerusform>The passphrase must have at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>The two passphrases are not the same.</translation>
    </message>
    <message>
        <source>That passphrase is not right. Check it and try again.</source>
        <translation>That passphrase is not right. Check it and try again.</translation>
    </message>
    <message>
        <source>Too many wrong attempts. Wait a moment, then try again.</source>
        <translation>Too many wrong attempts. Wait a moment, then try again.</translation>
    </message>
    <message>
        <source>The encrypted data on this device is damaged. Nothing was changed.</source>
        <translation>The encrypted data on this device is damaged. Nothing was changed.</translation>
    </message>
    <message>
        <source>This data was written by a newer version of Amicus. Update the app to open it.</source>
        <translation>This data was written by a newer version of Amicus. Update the app to open it.</translation>
    </message>
    <message>
        <source>This device is full. Free some space, then try again.</source>
        <translation>This device is full. Free some space, then try again.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was lost; try again.</source>
        <translation>Something went wrong. Nothing was lost; try again.</translation>
    </message>
    <message>
        <source>This file is larger than the call accepts.</source>
        <translation>This file is larger than the call accepts.</translation>
    </message>
    <message>
        <source>This file could not be read.</source>
        <translation>This file could not be read.</translation>
    </message>
    <message>
        <source>This call accepts no more attachments.</source>
        <translation>This call accepts no more attachments.</translation>
    </message>
    <message>
        <source>Amicus locked itself. Unlock it to go on; nothing was lost.</source>
        <translation>Amicus locked itself. Unlock it to go on; nothing was lost.</translation>
    </message>
    <message>
        <source>The document could not be saved in this folder. Choose another folder, then try again.</source>
        <translation>The document could not be saved in this folder. Choose another folder, then try again.</translation>
    </message>
    <message>
        <source>This submission has been sent or is waiting to be sent, so it can no longer be changed.</source>
        <translation>This submission has been sent or is waiting to be sent, so it can no longer be changed.</translation>
    </message>
    <message>
        <source>This device did not let Amicus use the key that protects your data. Unlock the device, then try again.</source>
        <translation>This device did not let Amicus use the key that protects your data. Unlock the device, then try again.</translation>
    </message>
    <message>
        <source>This device no longer has the key that protects your data, so it cannot be opened here. Nothing was deleted.</source>
        <translation>This device no longer has the key that protects your data, so it cannot be opened here. Nothing was deleted.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Signed by the secretariat&apos;s endpoint: the signature checks.</source>
        <translation>Signed by the secretariat&apos;s endpoint: the signature checks.</translation>
    </message>
    <message>
        <source>The signature could not be checked with the call&apos;s current key.</source>
        <translation>The signature could not be checked with the call&apos;s current key.</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Received at</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Submission</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>SHA-256 of what arrived</source>
        <translation>SHA-256 of what arrived</translation>
    </message>
    <message>
        <source>Saved as %1. The secretariat can check it with amicus-intake receipt verify.</source>
        <translation>Saved as %1. The secretariat can check it with amicus-intake receipt verify.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <source>Save as a file</source>
        <translation>Save as a file</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Review and send</source>
        <translation>Review and send</translation>
    </message>
    <message>
        <source>This call is no longer offered. The draft stays readable, but it cannot be sent.</source>
        <translation>This call is no longer offered. The draft stays readable, but it cannot be sent.</translation>
    </message>
    <message>
        <source>This call is closed. The draft stays readable, but it cannot be sent.</source>
        <translation>This call is closed. The draft stays readable, but it cannot be sent.</translation>
    </message>
    <message>
        <source>Give the name of your organization, or your own name.</source>
        <translation>Give the name of your organization, or your own name.</translation>
    </message>
    <message>
        <source>Give the country.</source>
        <translation>Give the country.</translation>
    </message>
    <message>
        <source>Choose whether the submission may be published.</source>
        <translation>Choose whether the submission may be published.</translation>
    </message>
    <message>
        <source>Answer at least one key question.</source>
        <translation>Answer at least one key question.</translation>
    </message>
    <message>
        <source>The answer to question %1 has %2 words; the call accepts %3.</source>
        <translation>The answer to question %1 has %2 words; the call accepts %3.</translation>
    </message>
    <message>
        <source>There are %1 attached files; the call accepts %2.</source>
        <translation>There are %1 attached files; the call accepts %2.</translation>
    </message>
    <message>
        <source>Ready. Your submission will be encrypted so that only the secretariat can read it, then sent as soon as a network allows.</source>
        <translation>Ready. Your submission will be encrypted so that only the secretariat can read it, then sent as soon as a network allows.</translation>
    </message>
    <message>
        <source>Before sending, please fix:</source>
        <translation>Before sending, please fix:</translation>
    </message>
    <message>
        <source>Back to the draft</source>
        <translation>Back to the draft</translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation>Encrypting…</translation>
    </message>
    <message>
        <source>Send when online</source>
        <translation>Send when online</translation>
    </message>
    <message>
        <source>The attached file “%1” is %2; the call accepts files up to %3.</source>
        <translation>The attached file “%1” is %2; the call accepts files up to %3.</translation>
    </message>
    <message>
        <source>Export as a document…</source>
        <translation>Export as a document…</translation>
    </message>
    <message>
        <source>Export as a document</source>
        <translation>Export as a document</translation>
    </message>
    <message>
        <source>It may be published with your organization or name and your country. Your contact details are never published.</source>
        <translation>It may be published with your organization or name and your country. Your contact details are never published.</translation>
    </message>
    <message>
        <source>It may be published without your organization or name, your country or your attached files. The secretariat still receives them, encrypted.</source>
        <translation>It may be published without your organization or name, your country or your attached files. The secretariat still receives them, encrypted.</translation>
    </message>
    <message>
        <source>It will not be published. Only the secretariat reads it.</source>
        <translation>It will not be published. Only the secretariat reads it.</translation>
    </message>
    <message>
        <source>Not chosen yet.</source>
        <translation>Not chosen yet.</translation>
    </message>
    <message>
        <source>It leaves only over Wi-Fi or another unmetered network (see Settings).</source>
        <translation>It leaves only over Wi-Fi or another unmetered network (see Settings).</translation>
    </message>
    <message>
        <source>It waits in the outbox until you press “Send now” (see Settings).</source>
        <translation>It waits in the outbox until you press “Send now” (see Settings).</translation>
    </message>
    <message>
        <source>It leaves over the first network available (see Settings).</source>
        <translation>It leaves over the first network available (see Settings).</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Not answered</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 words: too long, the call accepts %2</source>
        <translation>%1 words: too long, the call accepts %2</translation>
    </message>
    <message>
        <source>%1 of %2 words</source>
        <translation>%1 of %2 words</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>What will be sent</translation>
    </message>
    <message>
        <source>Call for input</source>
        <translation>Call for input</translation>
    </message>
    <message>
        <source>This call is no longer offered.</source>
        <translation>This call is no longer offered.</translation>
    </message>
    <message>
        <source>Encrypted for the secretariat of</source>
        <translation>Encrypted for the secretariat of</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Organization or name not given</source>
        <translation>Organization or name not given</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publication</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Attached files</translation>
    </message>
    <message>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 to send</source>
        <translation>
            <numerusform>%n file, %1 to send</numerusform>
            <numerusform>%n files, %1 to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) sent as a smaller copy</source>
        <translation>
            <numerusform>%n photo sent as a smaller copy</numerusform>
            <numerusform>%n photos sent as a smaller copy</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>The deadline has passed (%1). You can still send, but your submission will arrive late.</source>
        <translation>The deadline has passed (%1). You can still send, but your submission will arrive late.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>On any network</source>
        <translation>On any network</translation>
    </message>
    <message>
        <source>Only on Wi-Fi or other unmetered networks</source>
        <translation>Only on Wi-Fi or other unmetered networks</translation>
    </message>
    <message>
        <source>Only when I press “Send now”</source>
        <translation>Only when I press “Send now”</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <source>Lock Amicus after it has been in the background for</source>
        <translation>Lock Amicus after it has been in the background for</translation>
    </message>
    <message>
        <source>No time: lock at once</source>
        <translation>No time: lock at once</translation>
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
        <translation>Auto-lock delay</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>Erase everything on this device</source>
        <translation>Erase everything on this device</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Amicus %1. Submissions are encrypted with age (X25519, ChaCha20-Poly1305) to the secretariat&apos;s keys and sent with tus.</source>
        <translation>Amicus %1. Submissions are encrypted with age (X25519, ChaCha20-Poly1305) to the secretariat&apos;s keys and sent with tus.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>New passphrase again</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Changing…</translation>
    </message>
    <message>
        <source>Erase everything?</source>
        <translation>Erase everything?</translation>
    </message>
    <message>
        <source>The keys that protect your drafts are destroyed first, then every draft, file and submission waiting to be sent. Nobody can recover them afterwards. Submissions already delivered stay with the secretariat.</source>
        <translation>The keys that protect your drafts are destroyed first, then every draft, file and submission waiting to be sent. Nobody can recover them afterwards. Submissions already delivered stay with the secretariat.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Erase everything</source>
        <translation>Erase everything</translation>
    </message>
    <message>
        <source>Amicus %1 helps you answer a UN call for input, even offline. What you write is encrypted on this phone, and your submission is encrypted end to end to the secretariat: only the secretariat can read it, not the networks and servers it passes through.</source>
        <translation>Amicus %1 helps you answer a UN call for input, even offline. What you write is encrypted on this phone, and your submission is encrypted end to end to the secretariat: only the secretariat can read it, not the networks and servers it passes through.</translation>
    </message>
    <message>
        <source>Hide technical details</source>
        <translation>Hide technical details</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <source>Amicus is free software under the Apache License, version 2.0.</source>
        <translation>Amicus is free software under the Apache License, version 2.0.</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Amicus</source>
        <translation>Amicus</translation>
    </message>
    <message>
        <source>Answer UN calls for input, even offline: your drafts stay encrypted on this phone and are sent when a network appears.</source>
        <translation>Answer UN calls for input, even offline: your drafts stay encrypted on this phone and are sent when a network appears.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>Choose your language</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Your data is protected</source>
        <translation>Your data is protected</translation>
    </message>
    <message>
        <source>Everything you write and attach is encrypted on this phone with a passphrase that only you know. Someone who takes the phone cannot read it without the passphrase.</source>
        <translation>Everything you write and attach is encrypted on this phone with a passphrase that only you know. Someone who takes the phone cannot read it without the passphrase.</translation>
    </message>
    <message>
        <source>When you send a submission, it is encrypted so that only the secretariat of the call can open it: not the network, not the server that receives it.</source>
        <translation>When you send a submission, it is encrypted so that only the secretariat of the call can open it: not the network, not the server that receives it.</translation>
    </message>
    <message>
        <source>You decide whether the secretariat may publish your submission, keep it confidential, or publish it without your name.</source>
        <translation>You decide whether the secretariat may publish your submission, keep it confidential, or publish it without your name.</translation>
    </message>
    <message>
        <source>Create your passphrase</source>
        <translation>Create your passphrase</translation>
    </message>
    <message>
        <source>Use several words that you will remember and others cannot guess.</source>
        <translation>Use several words that you will remember and others cannot guess.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Too short</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Weak</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Strong</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>If you forget this passphrase, nobody can recover your drafts: not us, not the secretariat.</source>
        <translation>If you forget this passphrase, nobody can recover your drafts: not us, not the secretariat.</translation>
    </message>
    <message>
        <source>Protecting your data…</source>
        <translation>Protecting your data…</translation>
    </message>
    <message>
        <source>Create and continue</source>
        <translation>Create and continue</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Your drafts are encrypted on this device. Enter your passphrase to open them.</source>
        <translation>Your drafts are encrypted on this device. Enter your passphrase to open them.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Unlocking…</translation>
    </message>
</context>
</TS>
