<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>CallScreen</name>
    <message>
        <source>This call is closed: drafts stay readable, but nothing more can be sent.</source>
        <translation>Esta convocatoria está cerrada: los borradores siguen siendo legibles, pero ya no se puede enviar nada.</translation>
    </message>
    <message>
        <source>Deadline: %1</source>
        <translation>Plazo: %1</translation>
    </message>
    <message>
        <source>Open, no deadline</source>
        <translation>Abierta, sin plazo</translation>
    </message>
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
</context>
<context>
    <name>CallsScreen</name>
    <message>
        <source>Calls for input</source>
        <translation>Convocatorias de contribuciones</translation>
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
        <source>Open, no deadline</source>
        <translation>Abierta, sin plazo</translation>
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
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Amicus</source>
        <translation>Amicus</translation>
    </message>
    <message>
        <source>Answer UN calls for input, even offline: your drafts stay encrypted on this phone and are sent when a network appears.</source>
        <translation>Responda a las convocatorias de contribuciones de la ONU, incluso sin conexión: sus borradores permanecen cifrados en este teléfono y se envían en cuanto haya red.</translation>
    </message>
    <message>
        <source>See the calls for input</source>
        <translation>Ver las convocatorias de contribuciones</translation>
    </message>
</context>
</TS>
