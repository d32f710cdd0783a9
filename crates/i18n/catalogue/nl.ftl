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
