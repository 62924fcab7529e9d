#include "sample_content.h"

#include <QBuffer>
#include <QImage>
#include <QLinearGradient>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRadialGradient>

namespace amicus::app {

namespace {

// The call's four key questions, in order: the use-of-force framework, systemic racism,
// prevention and accountability, alternatives and oversight. The texts are invented for the
// screenshots; the organizations do not exist.
SampleContent english()
{
    return {
        {QStringLiteral("Tamale Community Safety Coalition"),
         QStringLiteral("ngo"),
         QStringLiteral("Ghana"),
         QStringLiteral("coordinator@tcsc-tamale.org"),
         store::Consent::Public,
         {QStringLiteral("The Police Service Act allows lethal force only to protect life, but "
                         "the regional standing orders officers follow are not public. We ask "
                         "that they be published and taught in every district."),
          QStringLiteral("Since 2022 the regional command recruits officers who speak Dagbani. "
                         "Residents now report incidents in their own language, and complaints "
                         "about biased stops have fallen."),
          QStringLiteral("We log every complaint we receive, follow it up within 30 days and "
                         "publish a quarterly summary by district, age and gender. Two officers "
                         "were disciplined last year after our reports."),
          QStringLiteral("Trained elders and youth mediators settle land and market disputes "
                         "without armed officers. A monthly open forum lets residents question "
                         "the district commander.")},
         QStringLiteral("tcsc-monitoring-report-2023.pdf"),
         QStringLiteral("open-forum-Tamale.jpg")},
        {QStringLiteral("Women's Legal Aid Centre, Lusaka"),
         QStringLiteral("ngo"),
         QStringLiteral("Zambia"),
         QStringLiteral("legal@wlac-lusaka.org"),
         store::Consent::Confidential,
         {QStringLiteral("Station bail rules are applied unevenly; women held overnight are "
                         "rarely told they may call a lawyer."),
          QStringLiteral("Victim support units staffed by trained officers now exist in four of "
                         "the city's seven stations.")},
         {},
         {}}};
}

SampleContent french()
{
    return {
        {QStringLiteral("Collectif citoyen pour la sécurité de Bukavu"),
         QStringLiteral("ngo"),
         QStringLiteral("République démocratique du Congo"),
         QStringLiteral("contact@ccsb-bukavu.org"),
         store::Consent::Public,
         {QStringLiteral("La loi n'autorise la force létale que pour protéger une vie, mais les "
                         "instructions données aux commissariats ne sont pas publiées. Nous "
                         "demandons qu'elles le soient et qu'elles soient enseignées partout."),
          QStringLiteral("Depuis 2022, le commandement provincial recrute des agents qui parlent "
                         "swahili et mashi. Les habitants signalent les incidents dans leur "
                         "langue, et les plaintes pour contrôles au faciès ont diminué."),
          QStringLiteral("Chaque plainte reçue est enregistrée, suivie sous 30 jours et résumée "
                         "chaque trimestre par commune, âge et genre. L'an dernier, deux agents "
                         "ont été sanctionnés après nos signalements."),
          QStringLiteral("Des médiateurs formés, anciens et jeunes, règlent les litiges fonciers "
                         "et de marché sans agents armés. Un forum ouvert mensuel permet aux "
                         "habitants d'interroger le commandant de district.")},
         QStringLiteral("rapport-suivi-CCSB-2023.pdf"),
         QStringLiteral("forum-ouvert-Bukavu.jpg")},
        {QStringLiteral("Clinique juridique des femmes de Lomé"),
         QStringLiteral("ngo"),
         QStringLiteral("Togo"),
         QStringLiteral("juridique@cjf-lome.tg"),
         store::Consent::Confidential,
         {QStringLiteral(
              "Les règles de garde à vue sont appliquées inégalement ; les femmes "
              "retenues la nuit apprennent rarement qu'elles peuvent appeler un avocat."),
          QStringLiteral("Des cellules d'accueil des victimes, tenues par des agents formés, "
                         "existent désormais dans quatre des sept commissariats de la ville.")},
         {},
         {}}};
}

SampleContent spanish()
{
    return {
        {QStringLiteral("Observatorio Ciudadano de Seguridad de Cochabamba"),
         QStringLiteral("ngo"),
         QStringLiteral("Bolivia"),
         QStringLiteral("contacto@ocs-cochabamba.org"),
         store::Consent::Public,
         {QStringLiteral("La ley solo permite la fuerza letal para proteger la vida, pero las "
                         "directivas internas de cada comando no son públicas. Pedimos que se "
                         "publiquen y se enseñen en cada distrito."),
          QStringLiteral("Desde 2022, el comando departamental recluta agentes que hablan "
                         "quechua. Los vecinos denuncian los incidentes en su propio idioma, y "
                         "las quejas por controles discriminatorios han disminuido."),
          QStringLiteral("Registramos cada denuncia recibida, le damos seguimiento en 30 días y "
                         "publicamos un resumen trimestral por distrito, edad y género. El año "
                         "pasado dos agentes fueron sancionados tras nuestros informes."),
          QStringLiteral("Mediadores comunitarios, jóvenes y mayores, resuelven conflictos de "
                         "tierras y de mercado sin agentes armados. Un foro abierto mensual "
                         "permite a los vecinos interpelar al comandante del distrito.")},
         QStringLiteral("informe-seguimiento-OCS-2023.pdf"),
         QStringLiteral("foro-abierto-Cochabamba.jpg")},
        {QStringLiteral("Centro de Apoyo Legal para Mujeres de Tegucigalpa"),
         QStringLiteral("ngo"),
         QStringLiteral("Honduras"),
         QStringLiteral("legal@calm-tegucigalpa.org"),
         store::Consent::Confidential,
         {QStringLiteral("Las reglas de detención preventiva se aplican de forma desigual; a las "
                         "mujeres detenidas de noche rara vez se les dice que pueden llamar a un "
                         "abogado."),
          QStringLiteral("Ya existen unidades de atención a víctimas, con agentes capacitados, en "
                         "cuatro de las siete estaciones de la ciudad.")},
         {},
         {}}};
}

} // namespace

SampleContent sampleContent(const QString& language)
{
    if (language == QStringLiteral("fr")) {
        return french();
    }
    if (language == QStringLiteral("es")) {
        return spanish();
    }
    return english();
}

QByteArray sampleReport(const SampleSubmission& submission)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(150);
        writer.setTitle(submission.organization);
        QPainter painter(&writer);
        const QRect page = painter.viewport().adjusted(120, 120, -120, -120);
        QFont heading = painter.font();
        heading.setPointSize(18);
        heading.setBold(true);
        painter.setFont(heading);
        QRect used;
        painter.drawText(page, Qt::TextWordWrap, submission.organization, &used);
        QFont body = painter.font();
        body.setPointSize(11);
        body.setBold(false);
        painter.setFont(body);
        QRect text = page.adjusted(0, used.height() + 60, 0, 0);
        for (const QString& answer : submission.answers) {
            painter.drawText(text, Qt::TextWordWrap, answer, &used);
            text.setTop(text.top() + used.height() + 40);
        }
    }
    return bytes;
}

QByteArray samplePhoto()
{
    constexpr int width = 2400;
    constexpr int height = 1600;
    constexpr int horizon = 950;
    QImage image(width, height, QImage::Format_RGB32);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient sky(0, 0, 0, horizon);
    sky.setColorAt(0, QColor(70, 130, 200));
    sky.setColorAt(1, QColor(240, 225, 200));
    painter.fillRect(0, 0, width, horizon, sky);
    painter.fillRect(0, horizon, width, height - horizon, QColor(185, 140, 90));
    // A shade tree the meeting sits under.
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(100, 70, 40));
    painter.drawRect(1750, 500, 90, 500);
    QRadialGradient crown(1800, 420, 420);
    crown.setColorAt(0, QColor(80, 150, 70));
    crown.setColorAt(1, QColor(40, 95, 45));
    painter.setBrush(crown);
    painter.drawEllipse(QPoint(1800, 420), 480, 300);
    // A banner between two poles, and rows of people facing it.
    painter.setBrush(QColor(60, 60, 60));
    painter.drawRect(300, 480, 20, 520);
    painter.drawRect(1100, 480, 20, 520);
    painter.setBrush(QColor(250, 250, 245));
    painter.drawRect(320, 500, 780, 180);
    for (int row = 0; row < 3; ++row) {
        for (int seat = 0; seat < 14; ++seat) {
            const int x = 150 + seat * 150 + (row % 2) * 70;
            const int y = 1000 + row * 170;
            painter.setBrush(QColor::fromHsv((seat * 47 + row * 90) % 360, 150, 210));
            painter.drawRoundedRect(x, y + 70, 100, 200, 30, 30);
            painter.setBrush(QColor(90 + (seat * 13) % 60, 60 + (seat * 7) % 40, 40));
            painter.drawEllipse(x + 20, y, 60, 70);
        }
    }
    painter.end();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPEG", 90);
    return bytes;
}

} // namespace amicus::app
