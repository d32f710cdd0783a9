# De Nederlandse catalogus van grondslag: elke zin die een gebruiker leest.
# Eén bericht per id; en.ftl heeft dezelfde ids met dezelfde argumenten (een test bewaakt dat).
# Een foutmelding zegt wat er mis is, waar, en wat de gebruiker nu kan doen. Nooit inhoud of
# persoonsgegevens: alleen nummers, paden die de gebruiker zelf opgaf en toestanden.

## Algemeen
error-prefix = grondslag: fout

## Fouten van de opslag
error-database = databasefout bij { $context }: { $detail }
error-io = lees- of schrijffout bij { $path }: { $detail }
error-no-such-document = document { $id } bestaat niet
error-document-destroyed = document { $id } is vernietigd in vernietigingsronde { $run }
error-key-erased = de sleutel van document { $id } is gewist door vernietigingsronde { $run } (KEK-generatie { $generation }): deze gegevens zijn ouder dan die ronde en blijven onleesbaar
error-key-missing = de sleutel van document { $id } kan niet worden uitgepakt: KEK-generatie { $generation } staat niet in keys/; zet de sleutelmap terug uit uw sleutelbewaring
error-no-text = document { $id } heeft geen tekst (het was onleesbaar)
error-not-active = document { $id } is { $status }, niet actief
error-no-such-subject = betrokkene { $id } bestaat niet
error-no-such-hold = blokkade { $id } bestaat niet
error-hold-lifted = blokkade { $id } is al opgeheven
error-no-such-run = vernietigingsronde { $id } bestaat niet
error-same-approver = vernietigingsronde { $run } is al goedgekeurd door deze gebruiker; de tweede goedkeuring moet van iemand anders komen
error-not-approved = vernietigingsronde { $run } heeft { $approvals } goedkeuring(en) van verschillende gebruikers; uitvoeren vraagt er twee
error-run-state = vernietigingsronde { $run } is { $state }; { $action } kan niet
error-redact-failed = het lakken van document { $id } is mislukt
error-no-legal-basis = verwerking '{ $processing }' heeft geen grondslag: persoonsgegevens opslaan voor deze verwerking wordt geweigerd
error-no-such-processing = verwerking '{ $processing }' staat niet in het verwerkingsregister
error-bad-backup = het back-upbestand is ongeldig: { $detail }; kies een bestand dat `grondslag backup` maakte
error-wrong-store = de back-up hoort bij opslag { $backup }, niet bij deze opslag ({ $this })
error-corrupt = opgeslagen gegevens zijn inconsistent: { $detail }
error-invalid = ongeldige invoer: { $detail }

## Fouten van de kluis
error-vault-io = leesfout of schrijffout in de kluis bij { $path }: { $detail }
error-vault-random = de willekeurige-getallengenerator van het systeem werkt niet
error-vault-kek-gone = KEK-generatie { $generation } staat niet in keys/ (gewist of nooit aangemaakt)
error-vault-bad-key-file = sleutelbestand { $path } is beschadigd; zet het terug uit uw sleutelbewaring
error-vault-unwrap = een verpakte sleutel onder KEK-generatie { $generation } is niet echt; zijn de sleutels van een andere opslag?
error-vault-blob-missing = blob { $id } ontbreekt in de kluis; zet een back-up terug
error-vault-blob-damaged = blob { $id } is beschadigd of niet te ontsleutelen; zet een back-up terug
error-vault-seal-damaged = een versleuteld veld ({ $context }) is beschadigd of niet te ontsleutelen
error-vault-bad-blob-id = ongeldige blob-id

## Brieven, de organisatie, het auditlog en de verzoekenpostbus (letters, org, audit show, requests import)
org-none = er is nog geen organisatie vastgelegd; brieven en verklaringen hebben een afzender nodig: `grondslag org set --name … --address … --signatory … --contact …`
org-recorded = organisatie vastgelegd: { $name }
org-missing-description = let op: de organisatie heeft geen tekst voor { $fields }; brieven zeggen dan dat die informatie op verzoek volgt (aanvullen met `grondslag org set …` en die opties)
org-logo-not-image = het logo { $path } is geen leesbaar PNG- of JPEG-bestand
letters-written = geschreven: { $path }
letters-exported = { $count } standaardsjablonen geschreven naar { $dir } (bestaande bestanden blijven staan); een sjabloon in die map vervangt het standaardsjabloon met dezelfde naam
letters-template-own = eigen sjabloon
letters-template-default = standaardsjabloon
letters-request-reference = inzageverzoek { $id }
letters-subject-reference = betrokkene { $id }
letters-package-title = Document met inventarisnummer { $id }
letters-unknown-addressee = heer, mevrouw
letters-error-template = sjabloon { $template }: { $detail }; herstel het sjabloon in de map templates/ van de home, of verwijder het om het standaardsjabloon te gebruiken
letters-error-markup = sjabloon { $template } geeft geen geldige XHTML: { $detail }
letters-error-pdf = het maken van de PDF is mislukt: { $detail }
letters-error-io = lees- of schrijffout bij { $path }: { $detail }
woo-list-empty = de inventarislijst zou geen enkel document bevatten; er is niets geschreven (zijn de opgegeven ids juist, of is alles vernietigd?)
audit-show-bad-date = --since { $date }: verwacht JJJJ-MM-DD
audit-show-none = geen regels in het auditlog die hierbij passen
audit-col-entry = regel
audit-col-time = tijdstip (UTC)
audit-col-user = gebruiker
audit-col-action = handeling
audit-col-object = object
audit-col-details = details
request-show-title = Inzageverzoek { $id }
request-show-received = ontvangen
request-show-due = uiterste datum
request-show-extended = verlengd
request-show-status = status
request-show-late = ingediend na sluiting van het loket
request-show-overdue = TERMIJN VERSTREKEN
request-show-names = namen
request-show-emails = e-mailadressen
request-show-phones = telefoonnummers
request-show-birthdates = geboortedata
request-show-addresses = adressen
request-show-subjects = bevestigde betrokkenen
request-show-destroyed = (vernietigd)
request-show-history = geschiedenis:
requests-no-window = geen inzageloket ingesteld: eerst `grondslag window --opens … --closes … --tag …`
requests-not-a-mail = geen leesbare e-mail
requests-no-date = geen geldige Date-kop; voeg de mail met de hand toe als .eml met een Date-kop
requests-not-tagged = onderwerp zonder loketcode; niet als verzoek opgenomen
requests-import-summary = { $imported } verzoeken opgenomen, { $duplicate } al eerder opgenomen, { $other } andere mails overgeslagen, { $failed } onleesbaar
requests-imap-bad-url = { $url } is geen geldig adres; verwacht imaps://HOST[:POORT]/MAP (alleen versleuteld, via imaps)
requests-imap-no-credentials = geen inloggegevens voor de postbus: zet GRONDSLAG_IMAP_USER met GRONDSLAG_IMAP_PASSWORD, of met GRONDSLAG_IMAP_TOKEN (OAuth 2)
requests-imap-connect = geen veilige verbinding met { $host }: { $detail }; controleer adres, poort en certificaat (--ca-file voor een eigen certificaatautoriteit)
requests-imap-login = inloggen bij { $host } is mislukt ({ $detail }); controleer gebruiker en wachtwoord of token
requests-imap-error = IMAP-fout bij { $step }: { $detail }
requests-imap-moved = { $count } verzoekmails verplaatst naar { $folder }
requests-imap-ca-file = { $path } bevat geen bruikbaar certificaat (PEM verwacht)
## Gebruikers
error-no-acting-user = er is geen handelende gebruiker: geef --user NAAM of zet GRONDSLAG_USER (een geregistreerde gebruiker)
error-unknown-user = de handelende gebruiker is niet geregistreerd in deze map; een geregistreerde gebruiker voegt u toe met `grondslag user add NAAM --role ROL`
error-user-exists = er is al een gebruiker met deze naam (of een naam die hetzelfde leest); kies een andere naam
error-user-name-empty = een gebruikersnaam mag niet leeg zijn
error-user-name-invisible = een gebruikersnaam mag geen stuur- of onzichtbare tekens bevatten (teken { $position }); typ de naam opnieuw
user-added = gebruiker { $name } geregistreerd met rol { $role }

## Vernietiging
error-objection-pending = inzageverzoek { $request } bevat een bezwaar tegen vernietiging dat wacht op bevestiging van de betrokkenen; bevestig eerst met `grondslag request confirm { $request } BETROKKENE...`
error-reason-required = een reden is verplicht (--reason)
error-no-such-request = inzageverzoek { $id } bestaat niet
error-not-in-run = document { $document } wacht niet (meer) in vernietigingsronde { $run }
plan-excluded-unverified = document { $document } blijft buiten de ronde: in de gelakte kopie staat nog een waarde van soort { $kind } (vanaf byte { $offset }); bekijk de vondsten met `grondslag document { $document }` en beoordeel het document opnieuw (bijvoorbeeld als destroy)
plan-excluded-no-text = document { $document } blijft buiten de ronde: het is onleesbaar, dus er kan geen gelakte kopie van worden gemaakt; beoordeel het als destroy of retain
plan-excluded-key-gone = document { $document } blijft buiten de ronde: de sleutel is gewist door een eerdere vernietigingsronde
destroy-failed-documents = { $count } document(en) van ronde { $run } konden niet worden gearchiveerd en zijn ongewijzigd gebleven; plan ze in een volgende ronde
destroy-sources-remain = Let op: de originelen op de schijf en in de mailbox bestaan nog. Verwijder ze ook (bijvoorbeeld met `destroy execute --delete-sources`); een volgende scan meldt ze als teruggevonden.
destroy-cancelled = vernietigingsronde { $run } geannuleerd
destroy-dropped = document { $document } uit vernietigingsronde { $run } gehaald
sources-deleted = { $count } bronbestand(en) verwijderd
sources-unreachable = niet verwijderd: { $path } ({ $reason })
sources-inside-container = zit in een mail of archief; verwijder het omvattende bestand
sources-changed = de inhoud is veranderd sinds de scan
scan-resurfaced = { $count } bestand(en) op de schijf zijn vernietigd in vernietigingsronde { $runs } en bestaan nog bij de bron: ze zijn niet opnieuw opgeslagen. Verwijder de originelen (of voer de ronde uit met --delete-sources).
requests-resurfaced = { $count } mail(s) in de mailbox zijn vernietigd in vernietigingsronde { $runs } en bestaan nog: ze zijn niet opnieuw ingelezen. Verwijder ze uit de mailbox.
request-objection-hold = bezwaar tegen vernietiging vastgelegd: blokkade { $hold } op de bevestigde betrokkenen
request-objection-pending = bezwaar tegen vernietiging vastgelegd; het wordt een blokkade zodra de betrokkenen van verzoek { $request } zijn bevestigd (tot dan weigert `destroy plan`)

## Sleutels, auditlog en herstel
error-keys-mismatch = keys/{ $key } hoort niet bij de database van deze map: er wordt niets gelezen of geschreven. Zet de juiste sleutelmap terug uit uw sleutelbewaring (de sleutels die bij deze database horen).
error-kek-missing = keys/kek-{ $generation }.key ontbreekt en is niet door een vernietigingsronde gewist: de gegevens zijn zonder die sleutel onleesbaar. Zet hem terug uit uw sleutelbewaring; er wordt geen nieuwe gemaakt.
error-kek-mismatch = keys/kek-{ $generation }.key past niet bij de sleutels in de database: zet het juiste bestand terug uit uw sleutelbewaring.
error-audit-rollback = het auditlog reikt niet meer tot het ondertekende hoofd (regel { $head }; het log eindigt bij regel { $end }) of wijkt ervan af: er zijn regels verwijderd of een oudere database is teruggezet. Er wordt niets geschreven. Zet de database terug die bij het hoofd hoort; `grondslag audit verify` wijst de eerste foute regel aan.
error-audit-head-missing = keys/audit-head ontbreekt terwijl het auditlog regels heeft: er wordt niets geschreven. Zet keys/audit-head terug uit uw sleutelbewaring.
error-vault-key-missing = keys/{ $name } ontbreekt in een map met gegevens: er wordt geen nieuwe sleutel gemaakt (dat zou alle gegevens onleesbaar of dubbel maken). Zet keys/ terug uit uw sleutelbewaring.
error-restore-confirm = deze back-up is ouder dan { $runs } uitgevoerde vernietigingsronde(s); vernietigde documenten blijven vernietigd, maar al het andere gaat terug naar de stand van de back-up. Bevestig met --yes.
restore-confirm-question = De back-up van { $created } is ouder dan { $runs } uitgevoerde vernietigingsronde(s). Toch terugzetten? [j/N]
restore-done = back-up van { $created } teruggezet: { $documents } documenten ({ $unreadable } onleesbaar), { $destroyed } later vernietigde documenten blijven vernietigd, { $archived } later gearchiveerde blijven gearchiveerd; { $runs } vernietigingsronde(s) en het auditlog ({ $entries } regels) behouden
store-waiting = een ander grondslag-proces werkt in deze map; wachten tot het klaar is…

## Lakken
redact-unknown-kind = onbekende soort '{ $kind }' bij --kinds; kies uit: { $known }
redact-value-still-present = controle mislukt: een gelakte waarde (soort { $kind }, in de tekst vanaf byte { $offset }) staat nog in de gelakte uitvoer; er is niets geschreven. Het formaat bewaart die waarde op een plek die het lakken niet bereikt: zet het bestand om naar PDF of tekst en lak dat, of lak deze plek met de hand.
error-redact-unsupported = lakken van dit formaat wordt niet ondersteund ({ $what }); zet het om naar PDF of tekst
error-redact-span = vondst { $index } valt buiten de tekst
error-redact-malformed = het { $format }-bestand is beschadigd ({ $reason }); er is niets geschreven
error-redact-not-located = gelakte waarde nummer { $index } is niet terug te vinden in het { $format }-bestand, dus niet te verwijderen; er is niets geschreven. Zet het bestand om naar PDF of tekst en lak dat.
error-redact-unremovable = op pagina { $page } staat tekst die niet te verwijderen is ({ $reason }); er is niets geschreven
error-redact-verification = controle mislukt: gelakte waarde nummer { $index } staat nog in de uitvoer; er is niets geschreven
error-redact-pdf-write = de PDF kon niet worden geschreven ({ $reason })

## Moved from the commands
detect-is-a-directory-not-a-file = is een map, geen bestand
detect-not-a-text-file-binary-content = geen tekstbestand: binaire inhoud op byte
detect-too-large-to-read-as-a = te groot om als document te lezen (meer dan 512 MiB)
detect-no-such-file = bestaat niet
detect-permission-denied = geen leesrecht
redact-expected-kind-ground = verwacht SOORT=GROND
redact-redacted-to = gelakt naar
redact-redaction-of-this-format-is-not = lakken van dit formaat wordt niet ondersteund
redact-verification-redacted-output-unreadable = controle: gelakte uitvoer niet leesbaar
procedure-grondslag-never-suggests-retain-choose-documents = grondslag stelt nooit 'retain' voor; kies documenten zelf
procedure-no-documents-given-ids-or-folder = geen documenten opgegeven (ids of --folder)
procedure-document-s-assessed = document(en) beoordeeld
procedure-a-hold-needs-a-scope-document = een hold heeft een reikwijdte nodig: --document, --subject of --all
procedure-hold-created = hold aangemaakt
procedure-hold-lifted = hold opgeheven
procedure-approved = goedgekeurd
procedure-backup-written-to = back-up geschreven naar
procedure-audit-log-intact = auditlog intact

## Auditlog
plan-summary = vernietigingsronde { $run }: { $destroy } te vernietigen, { $archive } te lakken en archiveren, { $held } onder blokkade, { $excluded } buiten de ronde gelaten
audit-tampered = auditlog aangetast: entry { $entry }: { $why }
audit-fault-not-text = een kolom is geen tekst (bewerkt)
audit-fault-gap = ontbreekt: regel { $found } volgt op regel { $previous } (regels verwijderd of hernummerd)
audit-fault-unchained = sluit niet aan op de regel ervoor (regels ingevoegd, verwijderd of verplaatst)
audit-fault-edited = de inhoud past niet bij de hash (bewerkt)
audit-fault-checkpoint-signature = het ondertekende controlepunt heeft een ongeldige handtekening
audit-fault-checkpoint-beyond = ontbreekt: een ondertekend controlepunt noemt regel { $named }, maar het log eindigt bij regel { $end }
audit-fault-checkpoint-mismatch = past niet bij het ondertekende controlepunt (het log is herschreven)
audit-fault-head-signature = het ondertekende hoofd in keys/audit-head heeft een ongeldige handtekening
audit-fault-head-beyond = ontbreekt: het ondertekende hoofd noemt regel { $named }, maar het log eindigt bij regel { $end } (laatste regels verwijderd)
audit-fault-head-mismatch = past niet bij het ondertekende hoofd in keys/audit-head (het log is herschreven)
audit-fault-head-missing = het log heeft regels maar keys/audit-head ontbreekt
audit-note-gone = (niet meer leesbaar: de sleutel is gewist)
audit-notes-hidden = redenen en kenmerken (note N) zijn versleuteld en worden alleen getoond aan een geregistreerde gebruiker met de rol admin, privacy_officer of fg
## Scan: wat niet (gewoon) te lezen is, en interne fouten
error-internal = interne fout in { $location }; de melding zelf wordt niet getoond omdat die documenttekst kan bevatten
scan-internal-error = interne fout bij het lezen; het document is overgeslagen
scan-not-regular-fifo = geen gewoon bestand maar een FIFO (benoemde pijp); niet geopend
scan-not-regular-socket = geen gewoon bestand maar een socket; niet geopend
scan-not-regular-device = geen gewoon bestand maar een apparaatbestand; niet geopend
scan-not-regular = geen gewoon bestand; niet geopend
scan-link-outside = symbolische koppeling naar buiten de gescande mappen; niet gevolgd
scan-link-loop = symbolische koppeling in een kring; niet gevolgd
scan-link-dangling = symbolische koppeling naar iets dat niet bestaat
scan-link-not-regular = symbolische koppeling naar iets dat geen gewoon bestand is; niet gevolgd
scan-link-unreadable = symbolische koppeling die niet te volgen is: { $detail }
scan-links-to-folders = { $count } symbolische koppeling(en) naar mappen binnen de scan niet gevolgd; hun inhoud is op de eigen plaats gelezen
scan-invalid-utf8 = geen geldige UTF-8 op byte { $offset } (een groot tekstbestand wordt als UTF-8 gelezen, zoals `extract` doet)
scan-binary = geen tekstbestand: binaire inhoud op byte { $offset }
scan-not-read = niet gelezen: { $path }: { $reason }
scan-seal-failed = { $path } kon niet versleuteld in de kluis worden gezet: { $detail }
scan-stored = { $documents } documenten opgeslagen; nu de betrokkenen bepalen
