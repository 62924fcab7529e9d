<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AppSettings</name>
    <message>
        <source>Public domain</source>
        <translation>Dominio público</translation>
    </message>
</context>
<context>
    <name>CallScreen</name>
    <message>
        <source>Parts of this call are not yet translated and are shown in English.</source>
        <translation>Algunas partes de esta convocatoria aún no están traducidas y se muestran en inglés.</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Key questions</source>
        <translation>Preguntas clave</translation>
    </message>
    <message>
        <source>How inputs will be used</source>
        <translation>Uso de las contribuciones</translation>
    </message>
    <message>
        <source>Write a submission</source>
        <translation>Redactar una contribución</translation>
    </message>
    <message>
        <source>Closed: this call no longer takes submissions. You can still read it and export your drafts.</source>
        <translation>Cerrada: esta convocatoria ya no recibe contribuciones. Puede seguir leyéndola y exportar sus borradores.</translation>
    </message>
    <message>
        <source>Deadline not stated — see the call&apos;s page</source>
        <translation>Plazo no indicado — ver la página de la convocatoria</translation>
    </message>
    <message>
        <source>The deadline has passed (%1). You can still send, but your submission will arrive late.</source>
        <translation>El plazo venció (%1). Aún puede enviar, pero su contribución llegará tarde.</translation>
    </message>
    <message>
        <source>Deadline: %1 · last day</source>
        <translation>Plazo: %1 · último día</translation>
    </message>
    <message numerus="yes">
        <source>Deadline: %1 · %n day(s) left</source>
        <translation>
            <numerusform>Plazo: %1 · queda %n día</numerusform>
            <numerusform>Plazo: %1 · quedan %n días</numerusform>
        </translation>
    </message>
    <message>
        <source>The inputs it received are published on the call&apos;s page.</source>
        <translation>Las contribuciones recibidas están publicadas en la página de la convocatoria.</translation>
    </message>
    <message>
        <source>Our own translation, not the official text.</source>
        <translation>Traducción nuestra, no el texto oficial.</translation>
    </message>
    <message>
        <source>Official text</source>
        <translation>Texto oficial</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Antecedentes</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Límites</translation>
    </message>
    <message>
        <source>%1 words per answer</source>
        <translation>%1 palabras por respuesta</translation>
    </message>
    <message>
        <source>limit set for this call</source>
        <translation>límite fijado para esta convocatoria</translation>
    </message>
    <message>
        <source>Amicus default</source>
        <translation>valor predeterminado de Amicus</translation>
    </message>
    <message numerus="yes">
        <source>Up to %n file(s)</source>
        <translation>
            <numerusform>Hasta %n archivo adjunto</numerusform>
            <numerusform>Hasta %n archivos adjuntos</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 per file</source>
        <translation>%1 por archivo</translation>
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
        <translation>Contacto</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1
Subject line: %2</source>
        <translation>Correo de la secretaría: %1
Asunto: %2</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1</source>
        <translation>Correo de la secretaría: %1</translation>
    </message>
    <message>
        <source>Write an e-mail</source>
        <translation>Escribir un correo</translation>
    </message>
    <message>
        <source>The call&apos;s page</source>
        <translation>Página de la convocatoria</translation>
    </message>
    <message>
        <source>Call</source>
        <extracomment>The header of one call&apos;s page: short, a phone&apos;s header has room for a word or two.</extracomment>
        <translation>Convocatoria</translation>
    </message>
    <message>
        <source>Official documents: the call in %1, to download from the call&apos;s page.</source>
        <extracomment>%1 lists formats and languages, e.g. &quot;Word (English, Français, Español)&quot;.</extracomment>
        <translation>Documentos oficiales: la convocatoria en %1, para descargar desde la página de la convocatoria.</translation>
    </message>
</context>
<context>
    <name>CallsScreen</name>
    <message>
        <source>Calls for input</source>
        <translation>Convocatorias</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrada</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Plazo: %1</translation>
    </message>
    <message>
        <source>Closed · inputs published</source>
        <translation>Cerrada · contribuciones publicadas</translation>
    </message>
    <message>
        <source>Deadline passed (%1) · sending now arrives late</source>
        <translation>Plazo vencido (%1) · un envío llegará tarde</translation>
    </message>
    <message>
        <source>Open · deadline not stated</source>
        <translation>Abierta · plazo no indicado</translation>
    </message>
</context>
<context>
    <name>DraftEditorScreen</name>
    <message>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <source>Saved, encrypted on this device</source>
        <translation>Guardado y cifrado en este dispositivo</translation>
    </message>
    <message>
        <source>Who is submitting</source>
        <translation>Quién presenta la contribución</translation>
    </message>
    <message>
        <source>Organization or name</source>
        <translation>Organización o nombre</translation>
    </message>
    <message>
        <source>Non-governmental organization</source>
        <translation>Organización no gubernamental</translation>
    </message>
    <message>
        <source>National human rights institution</source>
        <translation>Institución nacional de derechos humanos</translation>
    </message>
    <message>
        <source>Academic or research institution</source>
        <translation>Institución académica o de investigación</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>Particular</translation>
    </message>
    <message>
        <source>State or government body</source>
        <translation>Estado u organismo público</translation>
    </message>
    <message>
        <source>United Nations entity</source>
        <translation>Entidad de las Naciones Unidas</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>Kind of organization</source>
        <translation>Tipo de organización</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Contact (e-mail or phone)</source>
        <translation>Contacto (correo electrónico o teléfono)</translation>
    </message>
    <message>
        <source>Language of the submission</source>
        <translation>Idioma de la contribución</translation>
    </message>
    <message>
        <source>Your answers</source>
        <translation>Sus respuestas</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>Su respuesta</translation>
    </message>
    <message>
        <source>Answer to question %1</source>
        <translation>Respuesta a la pregunta %1</translation>
    </message>
    <message>
        <source>%1 of %2 words</source>
        <translation>%1 de %2 palabras</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n palabra</numerusform>
            <numerusform>%n palabras</numerusform>
        </translation>
    </message>
    <message>
        <source>Documents and photos</source>
        <translation>Documentos y fotos</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Up to %1 files of at most %2 each.</source>
        <translation>Hasta %1 archivos de %2 como máximo cada uno.</translation>
    </message>
    <message>
        <source>Attach a document or photo</source>
        <translation>Adjuntar un documento o una foto</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publicación</translation>
    </message>
    <message>
        <source>It may be published with our name</source>
        <translation>Puede publicarse con nuestro nombre</translation>
    </message>
    <message>
        <source>It may be published without our name</source>
        <translation>Puede publicarse sin nuestro nombre</translation>
    </message>
    <message>
        <source>It must stay confidential</source>
        <translation>Debe mantenerse confidencial</translation>
    </message>
    <message>
        <source>Review and send</source>
        <translation>Revisar y enviar</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <extracomment>The original size, then the size of the smaller copy that will be sent.</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Original %1, sent as a smaller copy of %2</source>
        <translation>Original de %1, se envía como copia reducida de %2</translation>
    </message>
    <message>
        <source>Send a smaller copy</source>
        <translation>Enviar una copia reducida</translation>
    </message>
    <message>
        <source>Send a smaller copy of %1</source>
        <translation>Enviar una copia reducida de %1</translation>
    </message>
    <message>
        <source>Making the smaller copy…</source>
        <translation>Creando la copia reducida…</translation>
    </message>
    <message>
        <source>The original is larger than the call accepts, so only the smaller copy can be sent. It also removes the location recorded in the photo.</source>
        <translation>El original supera el tamaño que acepta la convocatoria, así que solo se puede enviar la copia reducida. Además, elimina la ubicación registrada en la foto.</translation>
    </message>
    <message>
        <source>At most %1 pixels on the long side. It also removes the location recorded in the photo.</source>
        <translation>Como máximo %1 píxeles en el lado más largo. Además, elimina la ubicación registrada en la foto.</translation>
    </message>
    <message>
        <source>This submission has been sent or is waiting to be sent, so it can no longer be changed. What you see here is what the secretariat receives.</source>
        <translation>Esta contribución ya se envió o está esperando a enviarse, así que ya no se puede modificar. Lo que ve aquí es lo que recibe la secretaría.</translation>
    </message>
    <message>
        <source>This submission was taken out of the outbox and will not be sent. It stays as it was when you sent it; to change it and send it again, make an editable copy.</source>
        <translation>Esta contribución se retiró de la bandeja de salida y no se enviará. Queda tal como la envió; para cambiarla y enviarla de nuevo, haga una copia editable.</translation>
    </message>
    <message>
        <source>Make an editable copy</source>
        <translation>Hacer una copia editable</translation>
    </message>
    <message>
        <source>Opens a new draft with the same answers and files, which you can change and send</source>
        <translation>Abre un nuevo borrador con las mismas respuestas y archivos, que puede cambiar y enviar</translation>
    </message>
    <message>
        <source>This call is closed, so this draft cannot be sent. It stays here, and you can still export it as a document.</source>
        <translation>Esta convocatoria está cerrada, así que este borrador no se puede enviar. Se queda aquí, y todavía puede exportarlo como documento.</translation>
    </message>
    <message>
        <source>Export as a document…</source>
        <translation>Exportar como documento…</translation>
    </message>
    <message>
        <source>Export as a document</source>
        <translation>Exportar como documento</translation>
    </message>
</context>
<context>
    <name>DraftsScreen</name>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>No drafts yet. Open a call for input and write a submission.</source>
        <translation>Aún no hay borradores. Abra una convocatoria y redacte una contribución.</translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation>Borrador sin título</translation>
    </message>
    <message>
        <source>Sent to the outbox</source>
        <translation>En la bandeja de salida</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado el %1</translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n respuesta</numerusform>
            <numerusform>%n respuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n archivo</numerusform>
            <numerusform>%n archivos</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Delete this draft</source>
        <translation>Eliminar este borrador</translation>
    </message>
    <message>
        <source>Delete this draft?</source>
        <translation>¿Eliminar este borrador?</translation>
    </message>
    <message>
        <source>Its answers and attached files will be erased from this device. This cannot be undone.</source>
        <translation>Sus respuestas y archivos adjuntos se borrarán de este dispositivo. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export this draft as a document</source>
        <translation>Exportar este borrador como documento</translation>
    </message>
    <message>
        <source>It is waiting to be sent. Deleting it cancels the sending: nothing will reach the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.</source>
        <translation>Está esperando a enviarse. Eliminarla cancela el envío: nada llegará a la secretaría. Sus respuestas y archivos adjuntos se borrarán de este dispositivo. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Part of it has already been uploaded. Deleting it cancels the sending: the upload is stopped and never completed, so nothing reaches the secretariat. Its answers and attached files will be erased from this device. This cannot be undone.</source>
        <translation>Una parte ya se ha subido. Eliminarla cancela el envío: la subida se detiene y nunca se completa, así que nada llega a la secretaría. Sus respuestas y archivos adjuntos se borrarán de este dispositivo. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>All of it has already reached the secretariat; only the receipt has not come back yet. Deleting it does not take it back. Its answers, attached files and sending record will be erased from this device. This cannot be undone.</source>
        <translation>Ya llegó completa a la secretaría; solo falta que vuelva el recibo. Eliminarla aquí no la retira de la secretaría. Sus respuestas, sus archivos adjuntos y el registro del envío se borrarán de este dispositivo. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>The secretariat has received it and keeps it: deleting it here does not take it back. Its answers, attached files and the delivery receipt, your proof that it arrived, will be erased from this device. This cannot be undone.</source>
        <translation>La secretaría la recibió y la conserva: eliminarla aquí no la retira. Sus respuestas, sus archivos adjuntos y el recibo, su prueba de que llegó, se borrarán de este dispositivo. Esta acción no se puede deshacer.</translation>
    </message>
    <message>
        <source>Delete this submission?</source>
        <translation>¿Eliminar esta contribución?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel, keep it</source>
        <translation>Cancelar y conservarla</translation>
    </message>
    <message>
        <source>Delete and cancel sending</source>
        <translation>Eliminar y cancelar el envío</translation>
    </message>
    <message>
        <source>Delete this submission and cancel its sending</source>
        <translation>Eliminar esta contribución y cancelar su envío</translation>
    </message>
    <message>
        <source>Delete it for good</source>
        <translation>Eliminarla definitivamente</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export an unencrypted copy?</source>
        <translation>¿Exportar una copia sin cifrar?</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Document exported</source>
        <translation>Documento exportado</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>No exportado</translation>
    </message>
    <message>
        <source>The document will NOT be encrypted. Anyone who gets this file can read it: your answers, your organization and your contact details. Send it only to the secretariat, and delete it once it is sent.</source>
        <translation>El documento NO estará cifrado. Cualquier persona que obtenga este archivo podrá leerlo: sus respuestas, su organización y sus datos de contacto. Envíelo solo a la secretaría y elimínelo una vez enviado.</translation>
    </message>
    <message>
        <source>Text document (ODT)</source>
        <translation>Documento de texto (ODT)</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>Folder: %1</source>
        <translation>Carpeta: %1</translation>
    </message>
    <message>
        <source>Choose another folder…</source>
        <translation>Elegir otra carpeta…</translation>
    </message>
    <message>
        <source>Choose another folder</source>
        <translation>Elegir otra carpeta</translation>
    </message>
    <message>
        <source>Saved as %1. This copy is not encrypted: delete it once you have sent it.</source>
        <translation>Guardado como %1. Esta copia no está cifrada: elimínela una vez enviada.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export an unencrypted copy</source>
        <translation>Exportar una copia sin cifrar</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Volver a intentarlo</translation>
    </message>
    <message>
        <source>Share…</source>
        <translation>Compartir…</translation>
    </message>
    <message>
        <source>Share the exported document</source>
        <translation>Compartir el documento exportado</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1
Subject line: %2</source>
        <translation>Correo de la secretaría: %1
Asunto: %2</translation>
    </message>
    <message>
        <source>The secretariat&apos;s e-mail: %1</source>
        <translation>Correo de la secretaría: %1</translation>
    </message>
    <message>
        <source>Safer: save the sealed envelope. It is the submission as Amicus sends it, encrypted so that only the secretariat can read it. Send the file to the secretariat by e-mail, a messaging app or a USB stick.</source>
        <translation>Más seguro: guarde el sobre sellado. Es la contribución tal como la envía Amicus, cifrada para que solo la secretaría pueda leerla. Envíe el archivo a la secretaría por correo electrónico, por una aplicación de mensajería o en una memoria USB.</translation>
    </message>
    <message>
        <source>Safer: press “Send when online”. The submission is then sealed and waits in the outbox, where you can save it as a sealed envelope that only the secretariat can read, and send it yourself.</source>
        <translation>Más seguro: pulse «Enviar cuando haya conexión». La contribución queda entonces sellada y espera en la bandeja de salida, desde donde puede guardarla como sobre sellado, que solo la secretaría puede leer, y enviarla usted mismo.</translation>
    </message>
    <message>
        <source>Save the sealed envelope</source>
        <translation>Guardar el sobre sellado</translation>
    </message>
    <message>
        <source>Saved as %1 in %2. Only the secretariat can open it.</source>
        <translation>Guardado como %1 en %2. Solo la secretaría puede abrirlo.</translation>
    </message>
    <message>
        <source>The sealed envelope could not be saved in %1. Choose another folder or free some space.</source>
        <translation>No se pudo guardar el sobre sellado en %1. Elija otra carpeta o libere espacio.</translation>
    </message>
    <message>
        <source>The sealed envelope on this phone is damaged or missing.</source>
        <translation>El sobre sellado de este teléfono está dañado o falta.</translation>
    </message>
    <message>
        <source>Share the sealed envelope…</source>
        <translation>Compartir el sobre sellado…</translation>
    </message>
    <message>
        <source>Share the sealed envelope</source>
        <translation>Compartir el sobre sellado</translation>
    </message>
    <message>
        <source>Or, for a secretariat that only takes documents, a readable copy:</source>
        <translation>O, para una secretaría que solo acepta documentos, una copia legible:</translation>
    </message>
    <message>
        <source>Send it yourself</source>
        <translation>Enviarla usted mismo</translation>
    </message>
    <message>
        <source>Sent this way, it gets no receipt: keep the e-mail or message you send it with, and ask the secretariat to confirm that it arrived.</source>
        <translation>Enviada de esta forma, no tiene recibo: conserve el correo electrónico o el mensaje con el que la envíe y pida a la secretaría que confirme que ha llegado.</translation>
    </message>
</context>
<context>
    <name>FoldedText</name>
    <message>
        <source>Show less</source>
        <translation>Mostrar menos</translation>
    </message>
    <message>
        <source>Read all</source>
        <translation>Leer todo</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Calls</source>
        <translation>Convocatorias</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Borradores</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Outbox</source>
        <comment>tab</comment>
        <extracomment>A tab label: keep it short, the four tabs share a phone&apos;s width.</extracomment>
        <translation>Bandeja de salida</translation>
    </message>
</context>
<context>
    <name>LanguageSelector</name>
    <message>
        <source>Language: %1</source>
        <translation>Idioma: %1</translation>
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
        <translation>Volver</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
</context>
<context>
    <name>OutboxScreen</name>
    <message>
        <source>Waiting for a network.</source>
        <translation>Esperando una red.</translation>
    </message>
    <message>
        <source>Waiting for Wi-Fi (see Settings).</source>
        <translation>Esperando wifi (ver Ajustes).</translation>
    </message>
    <message>
        <source>Waiting for you to press “Send now”.</source>
        <translation>Esperando a que pulse «Enviar ahora».</translation>
    </message>
    <message>
        <source>The connection failed. Next try at %1.</source>
        <translation>La conexión falló. Próximo intento: %1.</translation>
    </message>
    <message>
        <source>The secretariat&apos;s server is busy. Amicus will try again at %1.</source>
        <translation>El servidor de la secretaría está ocupado. Amicus lo intentará de nuevo: %1.</translation>
    </message>
    <message>
        <source>Queued.</source>
        <translation>En cola.</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <source>Nothing to send. Finished submissions wait here until they are delivered.</source>
        <translation>Nada que enviar. Las contribuciones terminadas esperan aquí hasta su entrega.</translation>
    </message>
    <message>
        <source>Delivered %1 · receipt %2</source>
        <translation>Entregada el %1 · recibo %2</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Enviar ahora</translation>
    </message>
    <message>
        <source>The secretariat&apos;s server does not accept a submission this large. Make an editable copy, make it smaller (send photos as smaller copies, remove files), then send the copy.</source>
        <translation>El servidor de la secretaría no acepta una contribución tan grande. Haga una copia editable, redúzcala (envíe las fotos como copia reducida, quite archivos) y envíe la copia.</translation>
    </message>
    <message>
        <source>The secretariat&apos;s server refused this submission.</source>
        <translation>El servidor de la secretaría rechazó esta contribución.</translation>
    </message>
    <message>
        <source>Nothing was sent: the server could not prove it is the secretariat&apos;s. This network may be intercepting connections. Try again on another network (mobile data or another Wi-Fi).</source>
        <translation>No se envió nada: el servidor no pudo demostrar que es el de la secretaría. Puede que esta red intercepte las conexiones. Vuelva a intentarlo en otra red (datos móviles u otra wifi).</translation>
    </message>
    <message>
        <source>This network first needs you to sign in (a Wi-Fi login page). Sign in with your browser, then try again.</source>
        <translation>Esta red pide primero que inicie sesión (una página de acceso a la wifi). Inicie sesión con su navegador y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The server&apos;s receipt could not be verified, so delivery is not confirmed. Try again to ask the server once more.</source>
        <translation>No se pudo verificar el recibo del servidor, así que la entrega no está confirmada. Vuelva a intentarlo para pedírselo de nuevo al servidor.</translation>
    </message>
    <message>
        <source>This call is no longer offered, so the submission cannot be sent. The draft stays in Drafts, where you can export it as a document.</source>
        <translation>Esta convocatoria ya no se ofrece, así que la contribución no puede enviarse. El borrador se queda en Borradores, desde donde puede exportarlo como documento.</translation>
    </message>
    <message>
        <source>The encrypted package on this phone is damaged or missing, so it cannot be sent. Make an editable copy: the copy is packed again when you send it.</source>
        <translation>El paquete cifrado de este teléfono está dañado o falta, así que no puede enviarse. Haga una copia editable: se empaquetará de nuevo cuando la envíe.</translation>
    </message>
    <message>
        <source>To ask why, write to the %1: their address is on the call&apos;s web page. Give them this reference: %2</source>
        <translation>Para saber por qué, escriba a este órgano: %1. Su dirección figura en la página web de la convocatoria. Indíquele esta referencia: %2</translation>
    </message>
    <message>
        <source>To ask why, write to the secretariat that issued the call: their address is on the call&apos;s web page. Give them this reference: %1</source>
        <translation>Para saber por qué, escriba a la secretaría que publicó la convocatoria: su dirección figura en la página web de la convocatoria. Indíquele esta referencia: %1</translation>
    </message>
    <message>
        <source>Sending: %1% of %2 · %3</source>
        <extracomment>%1 is the percentage, %2 the submission&apos;s size; in French and Spanish a (narrow) no-break space goes before &quot;%&quot;.</extracomment>
        <translation>Enviando: %1&#xa0;% de %2 · %3</translation>
    </message>
    <message>
        <source>Sending: %1% of %2</source>
        <translation>Enviando: %1&#xa0;% de %2</translation>
    </message>
    <message>
        <source>“%1” will not be sent, and its encrypted package is deleted from this phone. The draft stays in Drafts as it is.</source>
        <translation>«%1» no se enviará y su paquete cifrado se borra de este teléfono. El borrador se queda tal cual en Borradores.</translation>
    </message>
    <message>
        <source>The secretariat may already have it: only its receipt could not be verified. Removing it stops this phone from asking again.</source>
        <translation>Puede que la secretaría ya la tenga: lo único que no se pudo verificar es su recibo. Quitarla solo evita que este teléfono vuelva a preguntar.</translation>
    </message>
    <message>
        <source>The part already uploaded is never completed, so nothing reaches the secretariat.</source>
        <translation>La parte ya subida nunca se completa, así que nada llega a la secretaría.</translation>
    </message>
    <message>
        <source>To change it and send it again, make an editable copy first.</source>
        <translation>Para cambiarla y volver a enviarla, haga antes una copia editable.</translation>
    </message>
    <message>
        <source>An editable copy is in Drafts.</source>
        <translation>Hay una copia editable en Borradores.</translation>
    </message>
    <message>
        <source>Try again now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Try again now to send “%1”</source>
        <translation>Reintentar ahora el envío de «%1»</translation>
    </message>
    <message>
        <source>Make an editable copy</source>
        <translation>Hacer una copia editable</translation>
    </message>
    <message>
        <source>Make an editable copy of “%1”</source>
        <translation>Hacer una copia editable de «%1»</translation>
    </message>
    <message>
        <source>Open the copy</source>
        <translation>Abrir la copia</translation>
    </message>
    <message>
        <source>Open the editable copy of “%1”</source>
        <translation>Abrir la copia editable de «%1»</translation>
    </message>
    <message>
        <source>Open the draft</source>
        <translation>Abrir el borrador</translation>
    </message>
    <message>
        <source>Open the draft of “%1”</source>
        <translation>Abrir el borrador de «%1»</translation>
    </message>
    <message>
        <source>Remove from the outbox</source>
        <translation>Quitar de la bandeja de salida</translation>
    </message>
    <message>
        <source>Remove “%1” from the outbox</source>
        <translation>Quitar «%1» de la bandeja de salida</translation>
    </message>
    <message>
        <source>Remove from the outbox?</source>
        <translation>¿Quitar de la bandeja de salida?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>To ask why, write to the secretariat at %1. Give them this reference: %2</source>
        <translation>Para saber por qué, escriba a la secretaría a %1. Indíquele esta referencia: %2</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>The receipt of “%1”</source>
        <translation>El recibo de «%1»</translation>
    </message>
    <message>
        <source>Held back: the call is closed.</source>
        <translation>Retenida: la convocatoria está cerrada.</translation>
    </message>
    <message>
        <source>This call has closed since, so this submission is not sent unless the secretariat opens the call again. Your draft stays in Drafts, where you can export it.</source>
        <translation>Esta convocatoria se ha cerrado desde entonces, así que esta contribución no se envía, salvo que la secretaría vuelva a abrirla. Su borrador se queda en Borradores, donde puede exportarlo.</translation>
    </message>
    <message>
        <source>Send it yourself…</source>
        <translation>Enviarla usted mismo…</translation>
    </message>
    <message>
        <source>Save “%1” as a sealed envelope to send yourself</source>
        <translation>Guardar «%1» como sobre sellado para enviarlo usted mismo</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message numerus="yes">
        <source>The passphrase must have at least %n characters.</source>
        <translation>
            <numerusform>La frase de contraseña debe tener al menos %n carácter.</numerusform>
            <numerusform>La frase de contraseña debe tener al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
    <message>
        <source>That passphrase is not right. Check it and try again.</source>
        <translation>Esa frase de contraseña no es correcta. Compruébela y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Too many wrong attempts. Wait a moment, then try again.</source>
        <translation>Demasiados intentos fallidos. Espere un momento y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>The encrypted data on this device is damaged. Nothing was changed.</source>
        <translation>Los datos cifrados de este dispositivo están dañados. No se ha modificado nada.</translation>
    </message>
    <message>
        <source>This data was written by a newer version of Amicus. Update the app to open it.</source>
        <translation>Estos datos se guardaron con una versión más reciente de Amicus. Actualice la aplicación para abrirlos.</translation>
    </message>
    <message>
        <source>This device is full. Free some space, then try again.</source>
        <translation>Este dispositivo está lleno. Libere espacio y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing was lost; try again.</source>
        <translation>Algo salió mal. No se ha perdido nada; vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This file is larger than the call accepts.</source>
        <translation>Este archivo supera el tamaño que acepta la convocatoria.</translation>
    </message>
    <message>
        <source>This file could not be read.</source>
        <translation>No se pudo leer este archivo.</translation>
    </message>
    <message>
        <source>This call accepts no more attachments.</source>
        <translation>Esta convocatoria no acepta más archivos adjuntos.</translation>
    </message>
    <message>
        <source>Amicus locked itself. Unlock it to go on; nothing was lost.</source>
        <translation>Amicus se ha bloqueado. Desbloquéelo para continuar; no se ha perdido nada.</translation>
    </message>
    <message>
        <source>The document could not be saved in this folder. Choose another folder, then try again.</source>
        <translation>No se pudo guardar el documento en esta carpeta. Elija otra carpeta y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This submission has been sent or is waiting to be sent, so it can no longer be changed.</source>
        <translation>Esta contribución ya se envió o está esperando a enviarse, así que ya no se puede modificar.</translation>
    </message>
    <message>
        <source>This device did not let Amicus use the key that protects your data. Unlock the device, then try again.</source>
        <translation>Este dispositivo no ha permitido a Amicus usar la clave que protege sus datos. Desbloquee el dispositivo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <source>This device no longer has the key that protects your data, so it cannot be opened here. Nothing was deleted.</source>
        <translation>Este dispositivo ya no tiene la clave que protege sus datos, así que no se pueden abrir aquí. No se ha borrado nada.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Recibo</translation>
    </message>
    <message>
        <source>Signed by the secretariat&apos;s endpoint: the signature checks.</source>
        <translation>Firmado por el servidor de la secretaría: la firma es válida.</translation>
    </message>
    <message>
        <source>The signature could not be checked with the call&apos;s current key.</source>
        <translation>No se pudo verificar la firma con la clave actual de la convocatoria.</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Recibida el</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Contribución</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>SHA-256 of what arrived</source>
        <translation>SHA-256 de lo que llegó</translation>
    </message>
    <message>
        <source>Saved as %1. The secretariat can check it with amicus-intake receipt verify.</source>
        <translation>Guardado como %1. La secretaría puede verificar este recibo con amicus-intake receipt verify.</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Save as a file</source>
        <translation>Guardar como archivo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>ReviewScreen</name>
    <message>
        <source>Review and send</source>
        <translation>Revisar y enviar</translation>
    </message>
    <message>
        <source>This call is no longer offered. The draft stays readable, but it cannot be sent.</source>
        <translation>Esta convocatoria ya no está disponible. El borrador sigue siendo legible, pero no puede enviarse.</translation>
    </message>
    <message>
        <source>This call is closed. The draft stays readable, but it cannot be sent.</source>
        <translation>Esta convocatoria está cerrada. El borrador sigue siendo legible, pero no puede enviarse.</translation>
    </message>
    <message>
        <source>Give the name of your organization, or your own name.</source>
        <translation>Indique el nombre de su organización o su propio nombre.</translation>
    </message>
    <message>
        <source>Give the country.</source>
        <translation>Indique el país.</translation>
    </message>
    <message>
        <source>Choose whether the submission may be published.</source>
        <translation>Indique si la contribución puede publicarse.</translation>
    </message>
    <message>
        <source>Answer at least one key question.</source>
        <translation>Responda al menos a una pregunta clave.</translation>
    </message>
    <message>
        <source>The answer to question %1 has %2 words; the call accepts %3.</source>
        <translation>La respuesta a la pregunta %1 tiene %2 palabras; la convocatoria acepta %3.</translation>
    </message>
    <message>
        <source>There are %1 attached files; the call accepts %2.</source>
        <translation>Hay %1 archivos adjuntos; la convocatoria acepta %2.</translation>
    </message>
    <message>
        <source>Ready. Your submission will be encrypted so that only the secretariat can read it, then sent as soon as a network allows.</source>
        <translation>Lista. Su contribución se cifrará para que solo la secretaría pueda leerla y se enviará en cuanto haya una red disponible.</translation>
    </message>
    <message>
        <source>Before sending, please fix:</source>
        <translation>Antes de enviar, corrija lo siguiente:</translation>
    </message>
    <message>
        <source>Back to the draft</source>
        <translation>Volver al borrador</translation>
    </message>
    <message>
        <source>Encrypting…</source>
        <translation>Cifrando…</translation>
    </message>
    <message>
        <source>Send when online</source>
        <translation>Enviar cuando haya conexión</translation>
    </message>
    <message>
        <source>The attached file “%1” is %2; the call accepts files up to %3.</source>
        <translation>El archivo adjunto «%1» ocupa %2; la convocatoria acepta archivos de hasta %3.</translation>
    </message>
    <message>
        <source>Export as a document…</source>
        <translation>Exportar como documento…</translation>
    </message>
    <message>
        <source>Export as a document</source>
        <translation>Exportar como documento</translation>
    </message>
    <message>
        <source>It may be published with your organization or name and your country. Your contact details are never published.</source>
        <translation>Puede publicarse con el nombre de su organización (o el suyo) y su país. Sus datos de contacto nunca se publican.</translation>
    </message>
    <message>
        <source>It may be published without your organization or name, your country or your attached files. The secretariat still receives them, encrypted.</source>
        <translation>Puede publicarse sin el nombre de su organización (o el suyo), sin su país y sin sus archivos adjuntos. La secretaría los recibe de todos modos, cifrados.</translation>
    </message>
    <message>
        <source>It will not be published. Only the secretariat reads it.</source>
        <translation>No se publicará. Solo la secretaría la lee.</translation>
    </message>
    <message>
        <source>Not chosen yet.</source>
        <translation>Aún sin elegir.</translation>
    </message>
    <message>
        <source>It leaves only over Wi-Fi or another unmetered network (see Settings).</source>
        <translation>Sale solo por wifi u otra red sin tarifa por consumo (ver Ajustes).</translation>
    </message>
    <message>
        <source>It waits in the outbox until you press “Send now” (see Settings).</source>
        <translation>Espera en la bandeja de salida hasta que pulse «Enviar ahora» (ver Ajustes).</translation>
    </message>
    <message>
        <source>It leaves over the first network available (see Settings).</source>
        <translation>Sale por la primera red disponible (ver Ajustes).</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Sin respuesta</translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n palabra</numerusform>
            <numerusform>%n palabras</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 words: too long, the call accepts %2</source>
        <translation>%1 palabras: demasiado larga, la convocatoria admite %2</translation>
    </message>
    <message>
        <source>%1 of %2 words</source>
        <translation>%1 de %2 palabras</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>Lo que se enviará</translation>
    </message>
    <message>
        <source>Call for input</source>
        <translation>Convocatoria de contribuciones</translation>
    </message>
    <message>
        <source>This call is no longer offered.</source>
        <translation>Esta convocatoria ya no se ofrece.</translation>
    </message>
    <message>
        <source>Encrypted for the secretariat of</source>
        <translation>Cifrado para la secretaría de</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Enviado por</translation>
    </message>
    <message>
        <source>Organization or name not given</source>
        <translation>Organización o nombre sin indicar</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Sin indicar</translation>
    </message>
    <message>
        <source>Publication</source>
        <translation>Publicación</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Archivos adjuntos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 to send</source>
        <translation>
            <numerusform>%n archivo, %1 por enviar</numerusform>
            <numerusform>%n archivos, %1 por enviar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) sent as a smaller copy</source>
        <translation>
            <numerusform>%n foto enviada como copia reducida</numerusform>
            <numerusform>%n fotos enviadas como copia reducida</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>The deadline has passed (%1). You can still send, but your submission will arrive late.</source>
        <translation>El plazo venció (%1). Aún puede enviar, pero su contribución llegará tarde.</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Envío</translation>
    </message>
    <message>
        <source>On any network</source>
        <translation>En cualquier red</translation>
    </message>
    <message>
        <source>Only on Wi-Fi or other unmetered networks</source>
        <translation>Solo por wifi u otras redes sin tarifa por consumo</translation>
    </message>
    <message>
        <source>Only when I press “Send now”</source>
        <translation>Solo cuando pulse «Enviar ahora»</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Seguridad</translation>
    </message>
    <message>
        <source>Lock Amicus after it has been in the background for</source>
        <translation>Bloquear Amicus tras estar en segundo plano durante</translation>
    </message>
    <message>
        <source>No time: lock at once</source>
        <translation>Sin espera: bloquear al instante</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minuto</numerusform>
            <numerusform>%n minutos</numerusform>
        </translation>
    </message>
    <message>
        <source>Auto-lock delay</source>
        <translation>Tiempo para el bloqueo automático</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>Erase everything on this device</source>
        <translation>Borrar todo en este dispositivo</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Acerca de</translation>
    </message>
    <message>
        <source>Amicus %1. Submissions are encrypted with age (X25519, ChaCha20-Poly1305) to the secretariat&apos;s keys and sent with tus.</source>
        <translation>Amicus %1. Las contribuciones se cifran con age (X25519, ChaCha20-Poly1305) para las claves de la secretaría y se envían mediante el protocolo tus.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repita la nueva frase de contraseña</translation>
    </message>
    <message>
        <source>Changing…</source>
        <translation>Cambiando…</translation>
    </message>
    <message>
        <source>Erase everything?</source>
        <translation>¿Borrar todo?</translation>
    </message>
    <message>
        <source>The keys that protect your drafts are destroyed first, then every draft, file and submission waiting to be sent. Nobody can recover them afterwards. Submissions already delivered stay with the secretariat.</source>
        <translation>Primero se destruyen las claves que protegen sus borradores y después cada borrador, archivo y contribución pendiente de envío. Nadie podrá recuperarlos. Las contribuciones ya entregadas permanecen en la secretaría.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Erase everything</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <source>Amicus %1 helps you answer a UN call for input, even offline. What you write is encrypted on this phone, and your submission is encrypted end to end to the secretariat: only the secretariat can read it, not the networks and servers it passes through.</source>
        <translation>Amicus %1 le ayuda a responder a una convocatoria de la ONU, incluso sin conexión. Lo que escribe se cifra en este teléfono, y su contribución se cifra de extremo a extremo hasta la secretaría: solo la secretaría puede leerla, no las redes ni los servidores por los que pasa.</translation>
    </message>
    <message>
        <source>Hide technical details</source>
        <translation>Ocultar detalles técnicos</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>Detalles técnicos</translation>
    </message>
    <message>
        <source>Amicus is free software under the Apache License, version 2.0.</source>
        <translation>Amicus es software libre, bajo la licencia Apache, versión 2.0.</translation>
    </message>
</context>
<context>
    <name>SetupScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Le damos la bienvenida</translation>
    </message>
    <message>
        <source>Amicus</source>
        <translation>Amicus</translation>
    </message>
    <message>
        <source>Answer UN calls for input, even offline: your drafts stay encrypted on this phone and are sent when a network appears.</source>
        <translation>Responda a las convocatorias de contribuciones de la ONU, incluso sin conexión: sus borradores permanecen cifrados en este teléfono y se envían en cuanto haya red.</translation>
    </message>
    <message>
        <source>Choose your language</source>
        <translation>Elija su idioma</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <source>Your data is protected</source>
        <translation>Sus datos están protegidos</translation>
    </message>
    <message>
        <source>Everything you write and attach is encrypted on this phone with a passphrase that only you know. Someone who takes the phone cannot read it without the passphrase.</source>
        <translation>Todo lo que escribe y adjunta se cifra en este teléfono con una frase de contraseña que solo usted conoce. Quien se apodere del teléfono no podrá leer nada sin ella.</translation>
    </message>
    <message>
        <source>When you send a submission, it is encrypted so that only the secretariat of the call can open it: not the network, not the server that receives it.</source>
        <translation>Cuando envía una contribución, se cifra de modo que solo la secretaría de la convocatoria pueda abrirla: ni la red ni el servidor que la recibe.</translation>
    </message>
    <message>
        <source>You decide whether the secretariat may publish your submission, keep it confidential, or publish it without your name.</source>
        <translation>Usted decide si la secretaría puede publicar su contribución, debe mantenerla confidencial o puede publicarla sin su nombre.</translation>
    </message>
    <message>
        <source>Create your passphrase</source>
        <translation>Cree su frase de contraseña</translation>
    </message>
    <message>
        <source>Use several words that you will remember and others cannot guess.</source>
        <translation>Use varias palabras que pueda recordar y que otras personas no puedan adivinar.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>Demasiado corta</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Débil</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Aceptable</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Robusta</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Repita la frase de contraseña</translation>
    </message>
    <message>
        <source>If you forget this passphrase, nobody can recover your drafts: not us, not the secretariat.</source>
        <translation>Si olvida esta frase de contraseña, nadie podrá recuperar sus borradores: ni nosotros ni la secretaría.</translation>
    </message>
    <message>
        <source>Protecting your data…</source>
        <translation>Protegiendo sus datos…</translation>
    </message>
    <message>
        <source>Create and continue</source>
        <translation>Crear y continuar</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Your drafts are encrypted on this device. Enter your passphrase to open them.</source>
        <translation>Sus borradores están cifrados en este dispositivo. Introduzca su frase de contraseña para abrirlos.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Desbloqueando…</translation>
    </message>
</context>
</TS>
