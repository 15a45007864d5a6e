<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ru_RU">
  <context>
    <name>AddTerritoryDialog</name>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="76" />
      <source>Вид</source>
      <translation>Kind</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="59" />
      <source>Входит в: {name}</source>
      <translation>Part of: {name}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="79" />
      <location filename="../../editor/ui/territory_dialogs.py" line="81" />
      <source>Код ОКТМО</source>
      <translation>OKTMO code</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="96" />
      <source>Код ОКТМО — 8 или 11 цифр</source>
      <translation>OKTMO code: 8 or 11 digits</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="63" />
      <source>Название</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="65" />
      <source>Название *</source>
      <translation>Name *</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="85" />
      <source>Ниже этого уровня территорий не бывает</source>
      <translation>There are no territories below this level</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="56" />
      <source>Новая территория</source>
      <translation>New territory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="92" />
      <source>Укажите название</source>
      <translation>Enter a name</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="69" />
      <location filename="../../editor/ui/territory_dialogs.py" line="72" />
      <source>Уровень</source>
      <translation>Level</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="75" />
      <source>например, территориальный отдел</source>
      <translation>e.g. a territorial division</translation>
    </message>
  </context>
  <context>
    <name>BulkEditDialog</name>
    <message>
      <location filename="../../editor/ui/bulk_edit.py" line="122" />
      <source>Будет изменено {n} из {m}</source>
      <translation>{n} of {m} will change</translation>
    </message>
    <message>
      <location filename="../../editor/ui/bulk_edit.py" line="87" />
      <source>Изменить</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../../editor/ui/bulk_edit.py" line="46" />
      <source>Массовое изменение</source>
      <translation>Bulk edit</translation>
    </message>
    <message>
      <location filename="../../editor/ui/bulk_edit.py" line="53" />
      <source>Отметьте поля, которые получат одно значение у всех выделенных страниц.</source>
      <translation>Tick the fields that get one value on every selected page.</translation>
    </message>
  </context>
  <context>
    <name>CatalogueFiles</name>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="192" />
      <source> (только чтение)</source>
      <translation> (read-only)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="208" />
      <source>Каталог {path} уже открыт для изменения другой программой или другим окном. Он открыт только для чтения: изменения невозможны, пока его не закроют там.</source>
      <translation>Catalogue {path} is already open for editing in another program or window. It is open read-only: no changes are possible until it is closed there.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="193" />
      <source>Каталог госпабликов</source>
      <translation>Official pages catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="225" />
      <location filename="../../editor/ui/catalogue_files.py" line="235" />
      <location filename="../../editor/ui/catalogue_files.py" line="243" />
      <source>Каталог госпабликов (*.gpc);;Все файлы (*)</source>
      <translation>Official pages catalogue (*.gpc);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="272" />
      <source>Каталог на сервере сохраняет сервер; копия для работы без сервера: Файл → Сохранить копию…</source>
      <translation>A server catalogue is saved by the server; for a copy to work offline: File → Save a copy…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="259" />
      <source>Копия сохранена: {path}</source>
      <translation>Copy saved: {path}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="225" />
      <source>Новый каталог</source>
      <translation>New catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="235" />
      <source>Открыть каталог</source>
      <translation>Open catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="284" />
      <source>Резервная копия: {path}</source>
      <translation>Backup: {path}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="243" />
      <source>Сохранить копию каталога</source>
      <translation>Save a copy of the catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="201" />
      <source>У пользователя нет права изменять каталог {where}: он открыт только для чтения.</source>
      <translation>The user has no permission to change catalogue {where}: it is open read-only.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="142" />
      <source>Файл {path} уже существует</source>
      <translation>File {path} already exists</translation>
    </message>
    <message>
      <location filename="../../editor/ui/catalogue_files.py" line="316" />
      <source>Файл каталога {path} удалён или перемещён. Данные ещё открыты: сохраните копию (Файл → Сохранить копию…), иначе изменения будут потеряны при закрытии.</source>
      <translation>The catalogue file {path} was deleted or moved. The data are still open: save a copy (File → Save a copy…), otherwise the changes will be lost on closing.</translation>
    </message>
  </context>
  <context>
    <name>ChartCard</name>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="198" />
      <source>Изображение PNG (*.png);;Рисунок SVG (*.svg)</source>
      <translation>PNG image (*.png);;SVG drawing (*.svg)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="193" />
      <source>Не удалось записать файл {path}</source>
      <translation>Could not write file {path}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="160" />
      <source>Показать числа, по которым построен график</source>
      <translation>Show the numbers behind the chart</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="197" />
      <location filename="../../editor/ui/dashboard.py" line="204" />
      <source>Сохранить график</source>
      <translation>Save chart</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="162" />
      <source>Сохранить график в PNG или SVG</source>
      <translation>Save the chart as PNG or SVG</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="161" />
      <source>Сохранить…</source>
      <translation>Save…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="159" />
      <source>Таблица</source>
      <translation>Table</translation>
    </message>
  </context>
  <context>
    <name>ClassifierDialog</name>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="187" />
      <source>Без изменений: {n}</source>
      <translation>Unchanged: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="74" />
      <source>Выбрать файлы…</source>
      <translation>Choose files…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="102" />
      <source>Загрузить</source>
      <translation>Load</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="69" />
      <source>Загрузка классификатора территорий</source>
      <translation>Load territory classifier</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="280" />
      <source>Загрузка классификатора…</source>
      <translation>Loading the classifier…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="287" />
      <source>Загрузка отменена: каталог не изменён</source>
      <translation>Loading cancelled: the catalogue is unchanged</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="256" />
      <source>Каталог открыт только для чтения</source>
      <translation>The catalogue is open read-only</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="124" />
      <source>Классификаторы (*.csv *.txt *.xlsx *.xlsm);;Все файлы (*)</source>
      <translation>Classifiers (*.csv *.txt *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="143" />
      <source>Новые муниципальные образования</source>
      <translation>New municipalities</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="145" />
      <source>Новые населённые пункты</source>
      <translation>New localities</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="144" />
      <source>Новые поселения</source>
      <translation>New settlements</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="92" />
      <source>Организаций</source>
      <translation>Organisations</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="154" />
      <source>Переименованы: {n}</source>
      <translation>Renamed: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="160" />
      <source>Преобразованы (страницы и организации переходят к преемнику): {n}</source>
      <translation>Transformed (pages and organisations move to the successor): {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="280" />
      <source>Проверка файлов…</source>
      <translation>Checking the files…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="92" />
      <source>Страниц</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="178" />
      <source>Упразднены без преемника — остаются в дереве: {n}</source>
      <translation>Abolished without a successor (they stay in the tree): {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="82" />
      <source>Файл ОКТМО Росстата (CSV), список муниципальных образований (xlsx/csv) или таблица «код ОКТМО; название». Снимите отметку с того, что загружать не нужно.</source>
      <translation>Rosstat's OKTMO file (CSV), a list of municipalities (xlsx/csv) or a table «OKTMO code; name». Untick what should not be loaded.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="124" />
      <source>Файлы классификатора</source>
      <translation>Classifier files</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="116" />
      <source>Файлы не выбраны</source>
      <translation>No files chosen</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="92" />
      <source>Что изменится</source>
      <translation>What will change</translation>
    </message>
    <message>
      <location filename="../../editor/ui/classifier_dialog.py" line="215" />
      <source>… и ещё {n}</source>
      <translation>… and {n} more</translation>
    </message>
  </context>
  <context>
    <name>DashboardPanel</name>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="346" />
      <source>{scope}: {first} — {last}</source>
      <translation>{scope}: {first} – {last}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="452" />
      <source>В выбранном охвате нет страниц</source>
      <translation>The chosen scope holds no pages</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="347" />
      <source>Все территории</source>
      <translation>All territories</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="408" />
      <location filename="../../editor/ui/dashboard.py" line="420" />
      <source>Всего</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="270" />
      <source>Динамика</source>
      <translation>Dynamics</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="427" />
      <source>Доли страниц, %</source>
      <translation>Share of pages, %</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="361" />
      <source>За выбранный период нет замеров подписчиков</source>
      <translation>No subscriber counts in the chosen period</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="487" />
      <source>За выбранный период подписчики страниц не менялись</source>
      <translation>No page's subscribers changed in the chosen period</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="490" />
      <source>Изменение</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="408" />
      <location filename="../../editor/ui/dashboard.py" line="434" />
      <source>Месяц</source>
      <translation>Month</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="490" />
      <source>На конец</source>
      <translation>At end</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="490" />
      <source>На начало</source>
      <translation>At start</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="491" />
      <source>Организация</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="271" />
      <source>Период:</source>
      <translation>Period:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="430" />
      <source>Подключены к «Госпабликам»</source>
      <translation>Connected to «Gospabliki»</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="405" />
      <source>Подписчики на конец месяца</source>
      <translation>Subscribers at month end</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="449" />
      <source>Прочие сферы</source>
      <translation>Other spheres</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="490" />
      <source>Разница</source>
      <translation>Difference</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="355" />
      <location filename="../../editor/ui/dashboard.py" line="486" />
      <source>Рост и снижение</source>
      <translation>Growth and decline</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="431" />
      <source>С виджетами ПОС</source>
      <translation>With POS widgets</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="429" />
      <source>С госметкой</source>
      <translation>With the state badge</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="491" />
      <source>Соцсеть</source>
      <translation>Network</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="434" />
      <location filename="../../editor/ui/dashboard.py" line="454" />
      <location filename="../../editor/ui/dashboard.py" line="457" />
      <source>Страниц</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="451" />
      <source>Страниц по сферам (сейчас)</source>
      <translation>Pages by sphere (now)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="454" />
      <source>Сфера</source>
      <translation>Sphere</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="491" />
      <source>Территория</source>
      <translation>Territory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="478" />
      <source>рост</source>
      <translation>growth</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="478" />
      <source>снижение</source>
      <translation>decline</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="384" />
      <source>тыс.</source>
      <translation>thousands</translation>
    </message>
  </context>
  <context>
    <name>DeleteTerritoryDialog</name>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="167" />
      <source>В ней {organizations} организаций и {pages} страниц. Куда перенести эти записи?</source>
      <translation>It holds {organizations} organisations and {pages} pages. Where should these records go?</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="173" />
      <source>Куда перенести записи</source>
      <translation>Move the records to</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="157" />
      <source>Удаление территории</source>
      <translation>Delete territory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="161" />
      <source>Удалить «{name}» вместе со всеми вложенными территориями?</source>
      <translation>Delete «{name}» with all the territories inside it?</translation>
    </message>
  </context>
  <context>
    <name>DuplicatesDialog</name>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="171" />
      <source>&lt;b&gt;Вливаемая&lt;/b&gt;</source>
      <translation>&lt;b&gt;Merged in&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="170" />
      <source>&lt;b&gt;Оставляемая&lt;/b&gt;</source>
      <translation>&lt;b&gt;Kept&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="169" />
      <source>&lt;b&gt;Поле&lt;/b&gt;</source>
      <translation>&lt;b&gt;Field&lt;/b&gt;</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="190" />
      <source>Все поля совпадают</source>
      <translation>All fields are the same</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="68" />
      <source>Группы дубликатов</source>
      <translation>Duplicate groups</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="57" />
      <source>Дубликаты</source>
      <translation>Duplicates</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="94" />
      <source>История подписчиков второй страницы переходит к первой; вторая страница уходит в корзину.</source>
      <translation>The second page's subscriber history moves to the first; the second page goes to the trash.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="134" />
      <source>Найдено групп: {count}</source>
      <translation>Groups found: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="111" />
      <source>Объединить</source>
      <translation>Merge</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="81" />
      <source>Объединить с ней страницу</source>
      <translation>Merge this page into it</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="78" />
      <source>Оставить страницу</source>
      <translation>Keep page</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="82" />
      <source>Оставить:</source>
      <translation>Keep:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="70" />
      <source>Признак</source>
      <translation>Match</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="70" />
      <source>Совпадает</source>
      <translation>Same</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="70" />
      <source>Страниц</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="84" />
      <source>влить:</source>
      <translation>merge in:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="127" />
      <source>одна ссылка</source>
      <translation>same link</translation>
    </message>
    <message>
      <location filename="../../editor/ui/duplicates_dialog.py" line="128" />
      <source>организация и соцсеть</source>
      <translation>organisation and network</translation>
    </message>
  </context>
  <context>
    <name>EditActions</name>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="50" />
      <source>Добавить организацию…</source>
      <translation>Add organisation…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="55" />
      <source>Добавить страницу…</source>
      <translation>Add page…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="81" />
      <source>Добавить территорию…</source>
      <translation>Add territory…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="59" />
      <source>Дублировать страницу</source>
      <translation>Duplicate page</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="78" />
      <source>Журнал изменений</source>
      <translation>Change log</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="70" />
      <source>Корзина…</source>
      <translation>Trash…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="72" />
      <source>Массовое изменение…</source>
      <translation>Bulk edit…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="75" />
      <source>Найти дубликаты…</source>
      <translation>Find duplicates…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="84" />
      <source>Переименовать…</source>
      <translation>Rename…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="69" />
      <source>Переместить выделенные страницы в корзину</source>
      <translation>Move the selected pages to the trash</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="89" />
      <source>Сферы…</source>
      <translation>Spheres…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="65" />
      <source>Удалить</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_actions.py" line="87" />
      <source>Удалить территорию…</source>
      <translation>Delete territory…</translation>
    </message>
  </context>
  <context>
    <name>EditConflict</name>
    <message>
      <location filename="../../editor/ui/edit_conflict.py" line="17" />
      <source>(пусто)</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_conflict.py" line="24" />
      <source>{field}: у вас «{mine}», в каталоге сейчас «{theirs}»</source>
      <translation>{field}: yours «{mine}», now in the catalogue «{theirs}»</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_conflict.py" line="33" />
      <source>Запись изменена другим пользователем</source>
      <translation>Record changed by another user</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_conflict.py" line="37" />
      <source>Оставить из каталога</source>
      <translation>Keep the catalogue's</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_conflict.py" line="34" />
      <source>Пока вы редактировали, эту запись сохранил другой пользователь.</source>
      <translation>While you were editing, another user saved this record.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/edit_conflict.py" line="36" />
      <source>Сохранить моё</source>
      <translation>Save mine</translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="180" />
      <source>Все территории</source>
      <translation>All territories</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="185" />
      <source>Выделенные строки таблицы</source>
      <translation>Selected table rows</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="187" />
      <source>Выделено страниц: {n}</source>
      <translation>Pages selected: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="175" />
      <source>Данные о подписчиках устарели через, дней:</source>
      <translation>Subscriber data are stale after, days:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="259" />
      <source>Книга Excel (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="177" />
      <source>Обзор…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="346" />
      <source>Открыть</source>
      <translation>Open</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="343" />
      <source>Отчёт сохранён в файл
{path}
(строк: {rows}).</source>
      <translation>The report was saved to
{path}
({rows} rows).</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="338" />
      <source>Отчёт сохранён: {path}</source>
      <translation>Report saved: {path}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="174" />
      <source>Отчёт:</source>
      <translation>Report:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="324" />
      <source>Подготовка отчёта…</source>
      <translation>Preparing the report…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="259" />
      <source>Сохранить отчёт</source>
      <translation>Save report</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="183" />
      <source>Соцсети (все, если не отмечены):</source>
      <translation>Networks (all when none ticked):</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="184" />
      <source>Страницы, которые показаны сейчас (текущий фильтр)</source>
      <translation>The pages shown now (current filter)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="182" />
      <source>Сферы (все, если не отмечены):</source>
      <translation>Spheres (all when none ticked):</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="179" />
      <source>Территория со всеми входящими</source>
      <translation>A territory with everything inside it</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="181" />
      <source>Территория:</source>
      <translation>Territory:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="291" />
      <source>Укажите имя файла</source>
      <translation>Enter a file name</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="306" />
      <source>Файл {path} уже существует. Заменить его?</source>
      <translation>File {path} already exists. Replace it?</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="176" />
      <source>Файл:</source>
      <translation>File:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="178" />
      <source>Что выгрузить</source>
      <translation>What to export</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="332" />
      <source>Экспорт отменён, файл не записан</source>
      <translation>Export cancelled, no file written</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="171" />
      <location filename="../../editor/ui/export_dialog.py" line="305" />
      <location filename="../../editor/ui/export_dialog.py" line="325" />
      <source>Экспорт отчёта</source>
      <translation>Export report</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="190" />
      <source>Экспортировать</source>
      <translation>Export</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="206" />
      <source>без виджетов</source>
      <translation>without widgets</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="204" />
      <source>без госметки</source>
      <translation>without the state badge</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="240" />
      <source>выделенные</source>
      <translation>selected</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="273" />
      <source>выделенные страницы: {n}</source>
      <translation>selected pages: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="205" />
      <source>не подключены</source>
      <translation>not connected</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="242" />
      <source>по фильтру</source>
      <translation>by filter</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="202" />
      <source>поиск «{text}»</source>
      <translation>search «{text}»</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="207" />
      <source>устаревшие данные</source>
      <translation>stale data</translation>
    </message>
    <message>
      <location filename="../../editor/ui/export_dialog.py" line="212" />
      <source>фильтр не задан: все страницы выбранной территории</source>
      <translation>no filter: every page of the selected territory</translation>
    </message>
  </context>
  <context>
    <name>FieldEditors</name>
    <message>
      <location filename="../../editor/ui/field_editors.py" line="115" />
      <source>ДД.ММ.ГГГГ</source>
      <translation>DD.MM.YYYY</translation>
    </message>
    <message>
      <location filename="../../editor/ui/field_editors.py" line="36" />
      <source>да</source>
      <translation>yes</translation>
    </message>
    <message>
      <location filename="../../editor/ui/field_editors.py" line="36" />
      <source>нет</source>
      <translation>no</translation>
    </message>
  </context>
  <context>
    <name>FilesPage</name>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="94" />
      <source>Выбрать в дереве…</source>
      <translation>Choose in the tree…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="73" />
      <source>Добавить файлы…</source>
      <translation>Add files…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="80" />
      <source>ОКТМО, название или путь «Область/Округ»</source>
      <translation>OKTMO, a name or a path «Region/District»</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="116" />
      <source>Таблицы и каталоги (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.gpc);;Все файлы (*)</source>
      <translation>Spreadsheets and catalogues (*.xlsx *.xlsm *.xls *.xlsb *.ods *.csv *.txt *.gpc);;All files (*)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="66" />
      <source>Таблицы муниципалитетов (.xlsx, .xls, .ods, .csv) или другой каталог; строки без территории попадут в выбранную территорию.</source>
      <translation>Spreadsheets of municipalities (.xlsx, .xls, .ods, .csv) or another catalogue; rows without a territory go to the chosen territory.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="92" />
      <source>Территория импорта:</source>
      <translation>Import territory:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="76" />
      <source>Убрать</source>
      <translation>Remove</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="64" />
      <location filename="../../editor/ui/import_wizard.py" line="116" />
      <source>Файлы для импорта</source>
      <translation>Files to import</translation>
    </message>
  </context>
  <context>
    <name>FilterBar</name>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="156" />
      <source>Без виджетов ПОС</source>
      <translation>Without POS widgets</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="155" />
      <source>Без госметки</source>
      <translation>Without the state badge</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="153" />
      <source>Быстрый фильтр</source>
      <translation>Quick filter</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="166" />
      <source>Замер подписчиков старше, дней</source>
      <translation>Subscriber count older than, days</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="165" />
      <source>Замер подписчиков старше, дней:</source>
      <translation>Subscriber count older than, days:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="302" />
      <source>Название:</source>
      <translation>Name:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="157" />
      <source>Не подключены к «Госпабликам»</source>
      <translation>Not connected to «Gospabliki»</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="147" />
      <source>Поиск по названию, организации, ссылке, ОГРН ({key})</source>
      <translation>Search by title, organisation, link, OGRN ({key})</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="180" />
      <source>Признаки</source>
      <translation>Flags</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="169" />
      <source>Сбросить</source>
      <translation>Reset</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="170" />
      <source>Сбросить все фильтры</source>
      <translation>Reset all filters</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="290" />
      <source>Сохранить текущий фильтр…</source>
      <translation>Save the current filter…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="302" />
      <source>Сохранить фильтр</source>
      <translation>Save filter</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="168" />
      <source>Сохранённые фильтры</source>
      <translation>Saved filters</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="176" />
      <source>Соцсеть</source>
      <translation>Network</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="177" />
      <source>Статус</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="175" />
      <source>Сфера</source>
      <translation>Sphere</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="297" />
      <source>Удалить</source>
      <translation>Delete</translation>
    </message>
    <message>
      <location filename="../../editor/ui/filter_bar.py" line="167" />
      <source>Фильтры</source>
      <translation>Filters</translation>
    </message>
  </context>
  <context>
    <name>FirstSteps</name>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="83" />
      <source>1. Выберите ваш регион: дерево будет открываться на нём, импорт — попадать в него.</source>
      <translation>1. Choose your region: the tree will open on it, and imports will go into it.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="86" />
      <source>2. Загрузите муниципальные образования и поселения: файл ОКТМО Росстата или список муниципальных образований.</source>
      <translation>2. Load the municipalities and settlements: Rosstat's OKTMO file or a list of municipalities.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="90" />
      <source>3. Импортируйте реестр госпабликов — таблицы муниципалитетов (.xlsx, .csv).</source>
      <translation>3. Import the registry of official pages: the municipalities' spreadsheets (.xlsx, .csv).</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="91" />
      <source>4. Или откройте уже заполненный каталог.</source>
      <translation>4. Or open a catalogue that is already filled in.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="77" />
      <source>В каталоге пока нет ни одного госпаблика. Четыре шага — и можно работать; эта панель исчезнет, как только появятся страницы.</source>
      <translation>The catalogue has no official pages yet. Four steps and you can start working; this panel disappears as soon as there are pages.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="95" />
      <location filename="../../editor/ui/first_steps.py" line="159" />
      <source>Загрузить классификатор…</source>
      <translation>Load classifier…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="96" />
      <source>Импорт таблиц…</source>
      <translation>Import spreadsheets…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="214" />
      <source>Каталог открыт только для чтения</source>
      <translation>The catalogue is open read-only</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="161" />
      <source>Муниципальные образования, поселения и населённые пункты из файла ОКТМО</source>
      <translation>Municipalities, settlements and localities from an OKTMO file</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="97" />
      <source>Открыть каталог…</source>
      <translation>Open catalogue…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="163" />
      <source>Панель инструментов</source>
      <translation>Toolbar</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="75" />
      <source>С чего начать</source>
      <translation>Getting started</translation>
    </message>
    <message>
      <location filename="../../editor/ui/first_steps.py" line="99" />
      <location filename="../../editor/ui/first_steps.py" line="183" />
      <source>— выберите регион —</source>
      <translation>— choose a region —</translation>
    </message>
  </context>
  <context>
    <name>HistoryDialog</name>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="36" />
      <source>Было</source>
      <translation>Before</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="96" />
      <source>Журнал изменений</source>
      <translation>Change log</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="87" />
      <source>Журнал изменений: {title}</source>
      <translation>Change log: {title}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="100" />
      <source>Изменений пока нет</source>
      <translation>No changes yet</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="38" />
      <source>Источник</source>
      <translation>Origin</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="34" />
      <source>Когда</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="37" />
      <source>Стало</source>
      <translation>After</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="35" />
      <source>Что</source>
      <translation>What</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="21" />
      <source>восстановление</source>
      <translation>restore</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="26" />
      <source>вручную</source>
      <translation>manual</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="19" />
      <source>изменение</source>
      <translation>change</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="28" />
      <source>импорт</source>
      <translation>import</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="31" />
      <source>классификатор</source>
      <translation>classifier</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="27" />
      <source>массовое изменение</source>
      <translation>bulk edit</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="22" />
      <source>объединение дубликатов</source>
      <translation>duplicates merge</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="29" />
      <source>отмена</source>
      <translation>undo</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="23" />
      <source>перемещение</source>
      <translation>move</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="30" />
      <source>система</source>
      <translation>system</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="18" />
      <source>создание</source>
      <translation>creation</translation>
    </message>
    <message>
      <location filename="../../editor/ui/history_dialog.py" line="20" />
      <source>удаление</source>
      <translation>deletion</translation>
    </message>
  </context>
  <context>
    <name>ImportSuggestions</name>
    <message>
      <location filename="../../editor/ui/import_suggestions.py" line="66" />
      <source>{label} (предложено)</source>
      <translation>{label} (suggested)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_suggestions.py" line="121" />
      <source>Территория импорта</source>
      <translation>Import territory</translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="220" />
      <source>Импорт отменён: каталог не изменён</source>
      <translation>Import cancelled: the catalogue is unchanged</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="161" />
      <location filename="../../editor/ui/import_wizard.py" line="212" />
      <source>Импорт таблиц</source>
      <translation>Import spreadsheets</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="211" />
      <source>Импорт…</source>
      <translation>Importing…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="235" />
      <source>Каталог открыт только для чтения</source>
      <translation>The catalogue is open read-only</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="263" />
      <source>Не удалось сделать резервную копию перед импортом: {error}</source>
      <translation>Could not make a backup before the import: {error}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_wizard.py" line="211" />
      <source>Пробный импорт…</source>
      <translation>Dry run…</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="245" />
      <source>&amp;Вид</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="244" />
      <source>&amp;Правка</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="247" />
      <source>&amp;Сервис</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="246" />
      <source>&amp;Территории</source>
      <translation>&amp;Territories</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="243" />
      <source>&amp;Файл</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="322" />
      <source>(пусто)</source>
      <translation>(empty)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/main_window.py" line="513" />
      <source>{shown} страниц из {total}, выделено {selected}, подписчиков {subscribers}</source>
      <translation>{shown} pages of {total}, {selected} selected, {subscribers} subscribers</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="262" />
      <source>Включая вложенные территории</source>
      <translation>Including nested territories</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="260" />
      <source>Выход</source>
      <translation>Quit</translation>
    </message>
    <message>
      <location filename="../../editor/ui/main_window.py" line="271" />
      <source>Дерево территорий</source>
      <translation>Territory tree</translation>
    </message>
    <message>
      <location filename="../../editor/ui/main_window.py" line="510" />
      <source>Загрузка страниц…</source>
      <translation>Loading pages…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="258" />
      <source>Импорт таблиц…</source>
      <translation>Import spreadsheets…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/main_window.py" line="270" />
      <location filename="../../editor/ui/window_actions.py" line="264" />
      <source>Карточка страницы</source>
      <translation>Page details</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="360" />
      <source>Каталог в порядке</source>
      <translation>The catalogue is consistent</translation>
    </message>
    <message>
      <location filename="../../editor/ui/main_window.py" line="364" />
      <source>Каталог госпабликов</source>
      <translation>Official pages catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="370" />
      <source>Каталог госпабликов — редактор каталога официальных страниц органов власти и подведомственных учреждений региона в социальных сетях.</source>
      <translation>Official pages catalogue: an editor of the region's catalogue of official social network pages of state bodies and their institutions.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="340" />
      <source>Каталог открыт только для чтения</source>
      <translation>The catalogue is open read-only</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="261" />
      <source>Найти</source>
      <translation>Find</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="249" />
      <source>Недавние каталоги</source>
      <translation>Recent catalogues</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="254" />
      <source>Новый каталог…</source>
      <translation>New catalogue…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="271" />
      <location filename="../../editor/ui/window_actions.py" line="369" />
      <source>О программе</source>
      <translation>About</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="263" />
      <source>Обновить</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="255" />
      <source>Открыть каталог…</source>
      <translation>Open catalogue…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="277" />
      <source>Отменить</source>
      <translation>Undo</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="265" />
      <source>Перейти к дереву</source>
      <translation>Go to the tree</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="267" />
      <source>Перейти к карточке</source>
      <translation>Go to the page details</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="266" />
      <source>Перейти к таблице</source>
      <translation>Go to the table</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="278" />
      <source>Повторить</source>
      <translation>Redo</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="268" />
      <source>Показать территорию страницы</source>
      <translation>Show the page's territory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="276" />
      <source>Показывать страницы и вложенных территорий (Ctrl+D)</source>
      <translation>Show the pages of nested territories too (Ctrl+D)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="269" />
      <source>Проверить каталог</source>
      <translation>Check catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="360" />
      <location filename="../../editor/ui/window_actions.py" line="363" />
      <source>Проверка каталога</source>
      <translation>Catalogue check</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="275" />
      <source>С вложенными</source>
      <translation>With nested</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="526" />
      <source>Скопировать абзац для пресс-релиза о выбранной территории</source>
      <translation>Copy a press-release paragraph about the selected territory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="257" />
      <source>Создать резервную копию</source>
      <translation>Make a backup</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="256" />
      <source>Сохранить копию…</source>
      <translation>Save a copy…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="270" />
      <source>Сочетания клавиш</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="248" />
      <source>Спр&amp;авка</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="504" />
      <location filename="../../editor/ui/dashboard.py" line="523" />
      <source>Справка для новости</source>
      <translation>Press digest</translation>
    </message>
    <message>
      <location filename="../../editor/ui/dashboard.py" line="501" />
      <source>Справка скопирована в буфер обмена</source>
      <translation>The digest is copied to the clipboard</translation>
    </message>
    <message>
      <location filename="../../editor/ui/main_window.py" line="272" />
      <source>Таблица страниц</source>
      <translation>Page table</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="259" />
      <source>Экспорт отчёта…</source>
      <translation>Export report…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="250" />
      <source>Язык</source>
      <translation>Language</translation>
    </message>
  </context>
  <context>
    <name>MappingPage</name>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="90" />
      <source>Заголовок</source>
      <translation>Header</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="90" />
      <source>Поле каталога</source>
      <translation>Catalogue field</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="84" />
      <source>Проверьте, какие поля каталога заполняют столбцы файлов. Исправленное сопоставление запомнится для таких же таблиц.</source>
      <translation>Check which catalogue fields the files' columns fill. A corrected mapping is remembered for tables like these.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="82" />
      <source>Столбцы</source>
      <translation>Columns</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="90" />
      <source>Файл</source>
      <translation>File</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="142" />
      <source>— не импортировать —</source>
      <translation>— do not import —</translation>
    </message>
  </context>
  <context>
    <name>NewOrganizationDialog</name>
    <message>
      <location filename="../../editor/ui/record_dialogs.py" line="177" />
      <source>Новая организация</source>
      <translation>New organisation</translation>
    </message>
    <message>
      <location filename="../../editor/ui/record_dialogs.py" line="183" />
      <source>Сразу добавить страницу</source>
      <translation>Add a page now</translation>
    </message>
    <message>
      <location filename="../../editor/ui/record_dialogs.py" line="187" />
      <source>Страница</source>
      <translation>Page</translation>
    </message>
    <message>
      <location filename="../../editor/ui/record_dialogs.py" line="179" />
      <source>Территория: {name}</source>
      <translation>Territory: {name}</translation>
    </message>
  </context>
  <context>
    <name>NewPageDialog</name>
    <message>
      <location filename="../../editor/ui/record_dialogs.py" line="214" />
      <source>Новая страница</source>
      <translation>New page</translation>
    </message>
    <message>
      <location filename="../../editor/ui/record_dialogs.py" line="217" />
      <source>Организация: {name}</source>
      <translation>Organisation: {name}</translation>
    </message>
  </context>
  <context>
    <name>PageColumns</name>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="67" />
      <source>ID</source>
      <translation>ID</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="136" />
      <source>{field}: неверная контрольная цифра в {value}</source>
      <translation>{field}: wrong check digit in {value}</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="47" />
      <source>Территория</source>
      <translation>Territory</translation>
    </message>
  </context>
  <context>
    <name>PageForm</name>
    <message>
      <location filename="../../editor/ui/page_form.py" line="182" />
      <source>Выберите страницу в таблице</source>
      <translation>Select a page in the table</translation>
    </message>
    <message>
      <location filename="../../editor/ui/page_form.py" line="158" />
      <source>Выбрать территорию страницы в дереве территорий</source>
      <translation>Select the page's territory in the territory tree</translation>
    </message>
    <message>
      <location filename="../../editor/ui/page_form.py" line="223" />
      <source>История подписчиков: {history}</source>
      <translation>Subscriber history: {history}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/page_form.py" line="159" />
      <source>Карточка страницы</source>
      <translation>Page details</translation>
    </message>
    <message>
      <location filename="../../editor/ui/page_form.py" line="228" />
      <source>Обученных на семинарах нет</source>
      <translation>Nobody trained at seminars</translation>
    </message>
    <message>
      <location filename="../../editor/ui/page_form.py" line="235" />
      <source>Обучены на семинарах ({n}):</source>
      <translation>Trained at seminars ({n}):</translation>
    </message>
    <message>
      <location filename="../../editor/ui/page_form.py" line="156" />
      <source>Организация</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../editor/ui/page_form.py" line="157" />
      <source>Показать в дереве</source>
      <translation>Show in the tree</translation>
    </message>
    <message>
      <location filename="../../editor/ui/page_form.py" line="155" />
      <source>Страница</source>
      <translation>Page</translation>
    </message>
    <message>
      <location filename="../../editor/ui/page_form.py" line="276" />
      <source>Укажите число подписчиков</source>
      <translation>Enter the number of subscribers</translation>
    </message>
  </context>
  <context>
    <name>ParticipantDialog</name>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="166" />
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="164" />
      <source>Должность</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="132" />
      <source>Новый участник</source>
      <translation>New participant</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="165" />
      <source>Организация</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="167" />
      <source>Телефон</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="201" />
      <source>Укажите ФИО участника</source>
      <translation>Enter the participant's full name</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="132" />
      <source>Участник</source>
      <translation>Participant</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="163" />
      <source>ФИО</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="143" />
      <source>начните вводить название — найдутся организации каталога</source>
      <translation>start typing a name to find the catalogue's organisations</translation>
    </message>
  </context>
  <context>
    <name>ProgressRun</name>
    <message>
      <location filename="../../editor/ui/progress_run.py" line="34" />
      <source>Отмена</source>
      <translation>Cancel</translation>
    </message>
  </context>
  <context>
    <name>PublishDialog</name>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="142" />
      <source>&amp;Папка:</source>
      <translation>&amp;Folder:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="144" />
      <source>&amp;Сфера:</source>
      <translation>&amp;Sphere:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="143" />
      <source>&amp;Территория:</source>
      <translation>&amp;Territory:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="203" />
      <source>В папке {path} уже есть справочник. Заменить его?</source>
      <translation>Folder {path} already holds a directory. Replace it?</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="136" />
      <source>В папку будут записаны страница поиска index.html, данные directory.json и таблица directory.csv: действующие страницы организаций выбранной территории. Ответственные лица, телефоны и e-mail не публикуются.</source>
      <translation>The folder will receive the search page index.html, the data directory.json and the table directory.csv: the active pages of the organisations of the selected territory. Responsible persons, phones and e-mails are not published.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="147" />
      <source>Все сферы</source>
      <translation>All spheres</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="146" />
      <source>Все территории</source>
      <translation>All territories</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="145" />
      <source>Обзор…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="148" />
      <source>Опубликовать</source>
      <translation>Publish</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="134" />
      <location filename="../../editor/ui/publish_dialog.py" line="202" />
      <location filename="../../editor/ui/publish_dialog.py" line="223" />
      <source>Опубликовать справочник</source>
      <translation>Publish directory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="59" />
      <source>Опубликовать справочник…</source>
      <translation>Publish directory…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="244" />
      <source>Открыть папку</source>
      <translation>Open folder</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="165" />
      <source>Папка для справочника</source>
      <translation>Folder for the directory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="222" />
      <source>Подготовка справочника…</source>
      <translation>Preparing the directory…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="230" />
      <source>Публикация отменена, папка не изменена</source>
      <translation>Publishing cancelled; the folder is unchanged</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="241" />
      <source>Справочник записан в папку
{path}
(организаций: {orgs}, страниц: {pages}).</source>
      <translation>The directory was written to the folder
{path}
(organisations: {orgs}, pages: {pages}).</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="236" />
      <source>Справочник опубликован: {path}</source>
      <translation>Directory published: {path}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/publish_dialog.py" line="185" />
      <source>Укажите папку</source>
      <translation>Choose a folder</translation>
    </message>
  </context>
  <context>
    <name>RenameTerritoryDialog</name>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="126" />
      <location filename="../../editor/ui/territory_dialogs.py" line="129" />
      <source>Название</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="137" />
      <source>Название не может быть пустым</source>
      <translation>The name cannot be empty</translation>
    </message>
    <message>
      <location filename="../../editor/ui/territory_dialogs.py" line="121" />
      <source>Переименование территории</source>
      <translation>Rename territory</translation>
    </message>
  </context>
  <context>
    <name>ResultPage</name>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="511" />
      <source>Импорт выполнен</source>
      <translation>Import done</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="529" />
      <source>Пакет импорта №{batch}. Новых строк: {new}, изменённых: {updated}, без изменений: {unchanged}, отклонено: {rejected}, пропущено: {skipped}. Добавлено организаций: {orgs}, страниц: {pages}.{trashed}

Отменить весь импорт: Правка → Отменить.</source>
      <translation>Import batch {batch}. New rows: {new}, updated: {updated}, unchanged: {unchanged}, rejected: {rejected}, skipped: {skipped}. Organisations added: {orgs}, pages: {pages}.{trashed}

To undo the whole import: Edit → Undo.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="525" />
      <source>Удалено в копии и перенесено в корзину: организаций {orgs}, страниц {pages}.</source>
      <translation>Deleted in the copy and moved to the trash: {orgs} organisations, {pages} pages.</translation>
    </message>
  </context>
  <context>
    <name>ReviewPage</name>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="428" />
      <source>«{column}»: {value}</source>
      <translation>«{column}»: {value}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="397" />
      <source>Без изменений: {n}</source>
      <translation>Unchanged: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="324" />
      <source>Было</source>
      <translation>Before</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="322" />
      <source>Где</source>
      <translation>Where</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="396" />
      <source>Изменённые: {n}</source>
      <translation>Updated: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="314" />
      <source>Импортировать</source>
      <translation>Import</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="470" />
      <source>Книга Excel (*.xlsx)</source>
      <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="309" />
      <source>Ничего ещё не записано. Снимите отметки со строк, которые не нужно импортировать.</source>
      <translation>Nothing is written yet. Untick the rows that should not be imported.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="395" />
      <source>Новые: {n}</source>
      <translation>New: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="323" />
      <source>Организация / поле</source>
      <translation>Organisation / field</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="484" />
      <source>Отклонённые строки ({count}) сохранены в {path}.</source>
      <translation>The rejected rows ({count}) were saved to {path}.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="422" />
      <source>Отклонённые: {n}</source>
      <translation>Rejected: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="440" />
      <source>Предупреждения: {n}</source>
      <translation>Warnings: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="307" />
      <source>Проверка изменений</source>
      <translation>Review the changes</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="366" />
      <source>Пропущенные: {n}</source>
      <translation>Skipped: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="470" />
      <source>Сохранить ошибки</source>
      <translation>Save errors</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="328" />
      <source>Сохранить ошибки в Excel…</source>
      <translation>Save errors to Excel…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="325" />
      <source>Стало / причина</source>
      <translation>New value / reason</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="349" />
      <source>Строк: {rows}. Новых: {new}, изменённых: {updated}, без изменений: {unchanged}, отклонено: {rejected}, пропущено: {skipped}.</source>
      <translation>Rows: {rows}. New: {new}, updated: {updated}, unchanged: {unchanged}, rejected: {rejected}, skipped: {skipped}.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="390" />
      <source>… и ещё {count}</source>
      <translation>… and {count} more</translation>
    </message>
  </context>
  <context>
    <name>SeminarDialog</name>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="98" />
      <source>Дата</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="100" />
      <source>Для территории</source>
      <translation>For territory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="97" />
      <source>Название</source>
      <translation>Title</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="74" />
      <source>Новый семинар</source>
      <translation>New seminar</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="101" />
      <source>Организатор</source>
      <translation>Organiser</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="102" />
      <source>Примечание</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="74" />
      <source>Семинар</source>
      <translation>Seminar</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="123" />
      <source>Укажите название семинара</source>
      <translation>Enter the seminar title</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="99" />
      <source>Формат</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_dialogs.py" line="93" />
      <source>название, путь или код ОКТМО</source>
      <translation>name, path or OKTMO code</translation>
    </message>
  </context>
  <context>
    <name>ServerOpen</name>
    <message>
      <location filename="../../editor/ui/server_open.py" line="64" />
      <source>Каталог {where} не открыт: неверный пароль</source>
      <translation>Catalogue {where} not opened: wrong password</translation>
    </message>
    <message>
      <location filename="../../editor/ui/server_open.py" line="61" />
      <source>Каталог {where} не открыт: пароль не введён</source>
      <translation>Catalogue {where} not opened: no password entered</translation>
    </message>
    <message>
      <location filename="../../editor/ui/server_open.py" line="86" />
      <source>Копия для работы без сервера сохранена: {path}</source>
      <translation>Offline copy saved: {path}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/server_open.py" line="38" />
      <source>Пароль</source>
      <translation>Password</translation>
    </message>
    <message>
      <location filename="../../editor/ui/server_open.py" line="39" />
      <source>Пароль пользователя {user} для каталога {where}:</source>
      <translation>Password of user {user} for catalogue {where}:</translation>
    </message>
  </context>
  <context>
    <name>ShortcutsDialog</name>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="400" />
      <source>Действие</source>
      <translation>Action</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="395" />
      <source>Изменить ячейку</source>
      <translation>Edit a cell</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="400" />
      <source>Клавиши</source>
      <translation>Keys</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="395" />
      <source>Переход между панелями</source>
      <translation>Move between panes</translation>
    </message>
    <message>
      <location filename="../../editor/ui/window_actions.py" line="383" />
      <source>Сочетания клавиш</source>
      <translation>Keyboard shortcuts</translation>
    </message>
  </context>
  <context>
    <name>SphereDialog</name>
    <message>
      <location filename="../../editor/ui/sphere_dialog.py" line="119" />
      <source>Выберите сферу в списке</source>
      <translation>Select a sphere in the list</translation>
    </message>
    <message>
      <location filename="../../editor/ui/sphere_dialog.py" line="63" />
      <source>Добавить в выбранную</source>
      <translation>Add inside the selected one</translation>
    </message>
    <message>
      <location filename="../../editor/ui/sphere_dialog.py" line="61" />
      <source>Добавить сферу</source>
      <translation>Add sphere</translation>
    </message>
    <message>
      <location filename="../../editor/ui/sphere_dialog.py" line="57" />
      <location filename="../../editor/ui/sphere_dialog.py" line="58" />
      <source>Название сферы</source>
      <translation>Sphere name</translation>
    </message>
    <message>
      <location filename="../../editor/ui/sphere_dialog.py" line="65" />
      <source>Переименовать</source>
      <translation>Rename</translation>
    </message>
    <message>
      <location filename="../../editor/ui/sphere_dialog.py" line="52" />
      <source>Сфера</source>
      <translation>Sphere</translation>
    </message>
    <message>
      <location filename="../../editor/ui/sphere_dialog.py" line="44" />
      <location filename="../../editor/ui/sphere_dialog.py" line="51" />
      <source>Сферы</source>
      <translation>Spheres</translation>
    </message>
    <message>
      <location filename="../../editor/ui/sphere_dialog.py" line="67" />
      <source>Удалить</source>
      <translation>Delete</translation>
    </message>
  </context>
  <context>
    <name>TerritoryPage</name>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="218" />
      <source>В файле</source>
      <translation>In the file</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="258" />
      <source>Выберите из списка или введите ОКТМО или путь</source>
      <translation>Choose from the list or type an OKTMO code or a path</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="242" />
      <source>Принять предложения: остальные строки файла — в «{region}»</source>
      <translation>Accept the suggestions: the file's other rows go to «{region}»</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="218" />
      <source>Строк</source>
      <translation>Rows</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="208" />
      <source>Территории</source>
      <translation>Territories</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="218" />
      <source>Территория каталога</source>
      <translation>Catalogue territory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="210" />
      <source>Эти территории не найдены или неоднозначны. Выберите территорию или пропустите их строки.</source>
      <translation>These territories were not found or are ambiguous. Choose a territory or skip their rows.</translation>
    </message>
    <message>
      <location filename="../../editor/ui/import_pages.py" line="255" />
      <source>— пропустить эти строки —</source>
      <translation>— skip these rows —</translation>
    </message>
  </context>
  <context>
    <name>TerritoryTreeModel</name>
    <message>
      <location filename="../../editor/itemmodels/territory_model.py" line="462" />
      <source>{name}: страниц {pages}, подписчиков {subscribers}</source>
      <translation>{name}: {pages} pages, {subscribers} subscribers</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/territory_model.py" line="448" />
      <source>ОКТМО {code}</source>
      <translation>OKTMO {code}</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_coverage.py" line="60" />
      <source>Обучение: подсчёт…</source>
      <translation>Training: counting…</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_coverage.py" line="63" />
      <source>Обучены: {trained} из {total} организаций со страницами{share}</source>
      <translation>Trained: {trained} of {total} organisations with pages{share}</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/territory_model.py" line="550" />
      <source>Перемещение территорий</source>
      <translation>Move territories</translation>
    </message>
  </context>
  <context>
    <name>TrainingImportDialog</name>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="200" />
      <source>  {file}, строка {row}: {reason}</source>
      <translation>  {file}, row {row}: {reason}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="103" />
      <source>Дата</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="67" />
      <source>Добавить файлы…</source>
      <translation>Add files…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="147" />
      <source>Добавьте хотя бы один файл</source>
      <translation>Add at least one file</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="184" />
      <source>Загружено</source>
      <translation>Loaded</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="114" />
      <source>Загрузить</source>
      <translation>Load</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="59" />
      <source>Загрузка списков участников семинаров</source>
      <translation>Load seminar participant lists</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="208" />
      <source>Не найдены в каталоге (сохранены как написано): {n}</source>
      <translation>Not found in the catalogue (saved as written): {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="186" />
      <source>Ничего нового: всё уже есть в каталоге</source>
      <translation>Nothing new: everything is already in the catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="191" />
      <source>Новых семинаров: {n}</source>
      <translation>New seminars: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="192" />
      <source>Новых участников: {n}; уже известных: {k}</source>
      <translation>New participants: {n}; already known: {k}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="196" />
      <source>Отклонено строк: {n}</source>
      <translation>Rows rejected: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="195" />
      <source>Отметок о посещении: {n}</source>
      <translation>Attendance records: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="112" />
      <source>Проверить</source>
      <translation>Check</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="182" />
      <source>Проверка: будет добавлено</source>
      <translation>Check: would be added</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="102" />
      <source>Семинар</source>
      <translation>Seminar</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="130" />
      <source>Списки участников</source>
      <translation>Participant lists</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="78" />
      <source>Списки участников (.xlsx, .csv):</source>
      <translation>Participant lists (.xlsx, .csv):</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="190" />
      <source>Строк прочитано: {n}</source>
      <translation>Rows read: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="105" />
      <source>Территория</source>
      <translation>Territory</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="70" />
      <source>Убрать</source>
      <translation>Remove</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="104" />
      <source>Формат</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="156" />
      <source>Чтение списков…</source>
      <translation>Reading the lists…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="85" />
      <source>для строк без столбца «Дата»:</source>
      <translation>for rows without a «Дата» (date) column:</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="84" />
      <source>если в списке нет столбца «Семинар»</source>
      <translation>if the list has no «Семинар» (seminar) column</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_import_dialog.py" line="101" />
      <source>название, путь или код ОКТМО</source>
      <translation>name, path or OKTMO code</translation>
    </message>
  </context>
  <context>
    <name>TrainingModels</name>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="37" />
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="27" />
      <source>Дата</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="171" />
      <source>Двойной щелчок — перейти к организации</source>
      <translation>Double-click to go to the organisation</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="35" />
      <source>Должность</source>
      <translation>Position</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="36" />
      <source>Организация</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="169" />
      <source>Организация не найдена в каталоге: сохранена как написано</source>
      <translation>Organisation not found in the catalogue: saved as written</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="28" />
      <source>Семинар</source>
      <translation>Seminar</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="38" />
      <source>Телефон</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="30" />
      <source>Территория</source>
      <translation>Territory</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="31" />
      <source>Участников</source>
      <translation>Participants</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="34" />
      <source>ФИО</source>
      <translation>Full name</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/training_models.py" line="29" />
      <source>Формат</source>
      <translation>Format</translation>
    </message>
  </context>
  <context>
    <name>TrainingPanel</name>
    <message>
      <location filename="../../editor/ui/training_view.py" line="136" />
      <source>В корзину</source>
      <translation>Move to trash</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="196" />
      <source>Выберите семинар</source>
      <translation>Select a seminar</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="138" />
      <source>Добавить участника…</source>
      <translation>Add participant…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="137" />
      <source>Загрузить списки…</source>
      <translation>Load lists…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="135" />
      <location filename="../../editor/ui/training_view.py" line="139" />
      <source>Изменить…</source>
      <translation>Edit…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="134" />
      <source>Новый семинар…</source>
      <translation>New seminar…</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="133" />
      <source>Обучение</source>
      <translation>Training</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="179" />
      <source>Семинаров: {s} · обучено: {p} · организаций: {o}</source>
      <translation>Seminars: {s} · trained: {p} · organisations: {o}</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="141" />
      <source>Семинары</source>
      <translation>Seminars</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="140" />
      <source>Убрать из списка</source>
      <translation>Remove from the list</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="142" />
      <source>Участники семинара</source>
      <translation>Seminar participants</translation>
    </message>
    <message>
      <location filename="../../editor/ui/training_view.py" line="200" />
      <source>Участники семинара «{title}»: {n}</source>
      <translation>Participants of seminar «{title}»: {n}</translation>
    </message>
  </context>
  <context>
    <name>TrashDialog</name>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="79" />
      <source>Восстановить</source>
      <translation>Restore</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="69" />
      <source>Дата</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="44" />
      <source>Корзина</source>
      <translation>Trash</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="76" />
      <source>Корзина пуста</source>
      <translation>The trash is empty</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="63" />
      <source>ОГРН</source>
      <translation>OGRN</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="73" />
      <source>Организации</source>
      <translation>Organisations</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="53" />
      <location filename="../../editor/ui/trash_dialog.py" line="63" />
      <source>Организация</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="69" />
      <source>Семинар</source>
      <translation>Seminar</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="74" />
      <source>Семинары</source>
      <translation>Seminars</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="53" />
      <source>Соцсеть</source>
      <translation>Network</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="53" />
      <source>Ссылка</source>
      <translation>Link</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="72" />
      <source>Страницы</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="53" />
      <location filename="../../editor/ui/trash_dialog.py" line="63" />
      <source>Удалена</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="69" />
      <source>Удалён</source>
      <translation>Deleted</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="61" />
      <source>Удалённые организации</source>
      <translation>Deleted organisations</translation>
    </message>
    <message>
      <location filename="../../editor/ui/trash_dialog.py" line="51" />
      <source>Удалённые страницы</source>
      <translation>Deleted pages</translation>
    </message>
  </context>
  <context>
    <name>commands</name>
    <message>
      <location filename="../../editor/commands/records.py" line="205" />
      <source>Восстановление организаций: {count}</source>
      <translation>Restore organisations: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/commands/training.py" line="83" />
      <source>Восстановление семинаров: {count}</source>
      <translation>Restore seminars: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/commands/records.py" line="140" />
      <source>Восстановление страниц: {count}</source>
      <translation>Restore pages: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/commands/records.py" line="45" />
      <source>Добавление организации «{name}»</source>
      <translation>Add organisation «{name}»</translation>
    </message>
    <message>
      <location filename="../../editor/commands/training.py" line="22" />
      <source>Добавление семинара «{title}»</source>
      <translation>Add seminar «{title}»</translation>
    </message>
    <message>
      <location filename="../../editor/commands/records.py" line="82" />
      <source>Добавление страницы</source>
      <translation>Add page</translation>
    </message>
    <message>
      <location filename="../../editor/commands/spheres.py" line="19" />
      <source>Добавление сферы «{name}»</source>
      <translation>Add sphere «{name}»</translation>
    </message>
    <message>
      <location filename="../../editor/commands/territory.py" line="52" />
      <source>Добавление территории «{name}»</source>
      <translation>Add territory «{name}»</translation>
    </message>
    <message>
      <location filename="../../editor/commands/training.py" line="107" />
      <source>Добавление участника семинара</source>
      <translation>Add seminar participant</translation>
    </message>
    <message>
      <location filename="../../editor/commands/records.py" line="107" />
      <source>Дублирование страницы</source>
      <translation>Duplicate page</translation>
    </message>
    <message>
      <location filename="../../editor/commands/classifier_load.py" line="21" />
      <source>Загрузка классификатора</source>
      <translation>Load classifier</translation>
    </message>
    <message>
      <location filename="../../editor/commands/training.py" line="202" />
      <source>Загрузка списков участников (пакет №{batch})</source>
      <translation>Load participant lists (batch {batch})</translation>
    </message>
    <message>
      <location filename="../../editor/commands/training.py" line="41" />
      <source>Изменение семинара</source>
      <translation>Change seminar</translation>
    </message>
    <message>
      <location filename="../../editor/commands/training.py" line="138" />
      <source>Изменение участника</source>
      <translation>Change participant</translation>
    </message>
    <message>
      <location filename="../../editor/commands/page_edit.py" line="27" />
      <location filename="../../editor/commands/page_edit.py" line="78" />
      <source>Изменение: {fields}</source>
      <translation>Change: {fields}</translation>
    </message>
    <message>
      <location filename="../../editor/commands/import_batch.py" line="21" />
      <source>Импорт (пакет №{batch})</source>
      <translation>Import (batch {batch})</translation>
    </message>
    <message>
      <location filename="../../editor/commands/records.py" line="237" />
      <source>Массовое изменение: {count} стр.</source>
      <translation>Bulk edit: {count} pages</translation>
    </message>
    <message>
      <location filename="../../editor/commands/records.py" line="270" />
      <source>Объединение дубликатов</source>
      <translation>Merge duplicates</translation>
    </message>
    <message>
      <location filename="../../editor/commands/territory.py" line="89" />
      <source>Переименование «{old}» в «{new}»</source>
      <translation>Rename «{old}» to «{new}»</translation>
    </message>
    <message>
      <location filename="../../editor/commands/spheres.py" line="44" />
      <source>Переименование сферы в «{name}»</source>
      <translation>Rename sphere to «{name}»</translation>
    </message>
    <message>
      <location filename="../../editor/commands/territory.py" line="19" />
      <source>Перемещение «{name}»</source>
      <translation>Move «{name}»</translation>
    </message>
    <message>
      <location filename="../../editor/commands/records.py" line="170" />
      <source>Удаление организаций: {count}</source>
      <translation>Delete organisations: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/commands/training.py" line="62" />
      <source>Удаление семинаров: {count}</source>
      <translation>Delete seminars: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/commands/records.py" line="117" />
      <source>Удаление страниц: {count}</source>
      <translation>Delete pages: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/commands/spheres.py" line="69" />
      <source>Удаление сферы «{name}»</source>
      <translation>Delete sphere «{name}»</translation>
    </message>
    <message>
      <location filename="../../editor/commands/territory.py" line="111" />
      <source>Удаление территории «{name}»</source>
      <translation>Delete territory «{name}»</translation>
    </message>
    <message>
      <location filename="../../editor/commands/training.py" line="159" />
      <source>Удаление участников семинара: {count}</source>
      <translation>Delete seminar participants: {count}</translation>
    </message>
  </context>
  <context>
    <name>core</name>
    <message>
      <location filename="../../editor/cli/training.py" line="146" />
      <source>  {file}, строка {row}: {reason}</source>
      <translation>  {file}, row {row}: {reason}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="85" />
      <source>  {old} ({old_code}) → {new} ({new_code}): страниц {pages}, организаций {organizations}</source>
      <translation>  {old} ({old_code}) → {new} ({new_code}): {pages} pages, {organizations} organisations</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/load.py" line="109" />
      <source>; преобразовано в новые муниципальные образования: {n}</source>
      <translation>; transformed into new municipalities: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/load.py" line="115" />
      <source>; упразднены без преемника (оставлены): {names}</source>
      <translation>; abolished without a successor (kept): {names}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/load.py" line="113" />
      <source>; упразднены без преемника (оставлены): {n}</source>
      <translation>; abolished without a successor (kept): {n}</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="36" />
      <source>SQLite: {details}</source>
      <translation>SQLite: {details}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="76" />
      <source>{date} · {title} · {format}{place} · участников: {n}</source>
      <translation>{date} · {title} · {format}{place} · participants: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="191" />
      <source>{field}: выберите сферу из списка</source>
      <translation>{field}: choose a sphere from the list</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="154" />
      <source>{field}: значение обязательно</source>
      <translation>{field}: a value is required</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="167" />
      <source>{field}: ожидается 0, 1 или 2, получено {value}</source>
      <translation>{field}: expected 0, 1 or 2, got {value}</translation>
    </message>
    <message>
      <location filename="../../editor/core/versions.py" line="33" />
      <source>{field}: у вас «{mine}», в каталоге «{theirs}»</source>
      <translation>{field}: yours «{mine}», in the catalogue «{theirs}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/formats.py" line="129" />
      <source>{file}, строка {line}</source>
      <translation>{file}, line {line}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/training/registration.py" line="154" />
      <source>{file}: не указан семинар: задайте его название или добавьте столбец «Семинар»; ничего не изменено</source>
      <translation>{file}: no seminar given: set its title or add a «Семинар» column; nothing was changed</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/training/registration.py" line="161" />
      <source>{file}: не указана дата семинара: задайте её или добавьте столбец «Дата»; ничего не изменено</source>
      <translation>{file}: no seminar date given: set it or add a «Дата» column; nothing was changed</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/training/registration.py" line="147" />
      <source>{file}: нет столбца с ФИО участника (ожидается «ФИО» или «Фамилия», «Имя», «Отчество»); ничего не изменено</source>
      <translation>{file}: no column with the participant's full name («ФИО» or «Фамилия», «Имя», «Отчество» expected); nothing was changed</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="130" />
      <source>{head}: строк {rows}; новых семинаров {seminars}; новых участников {new}, уже известных {known}; новых отметок о посещении {attendances}; отклонено строк {rejected}</source>
      <translation>{head}: {rows} rows; {seminars} new seminars; {new} new participants, {known} already known; {attendances} new attendance records; {rejected} rows rejected</translation>
    </message>
    <message>
      <location filename="../../editor/cli/export.py" line="87" />
      <source>{message}; добавьте --force, чтобы заменить его</source>
      <translation>{message}; add --force to replace it</translation>
    </message>
    <message>
      <location filename="../../editor/cli/directory.py" line="66" />
      <source>{message}; добавьте --force, чтобы заменить справочник</source>
      <translation>{message}; add --force to replace the directory</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/publish.py" line="83" />
      <source>{path} — файл, а не папка; укажите папку для справочника</source>
      <translation>{path} is a file, not a folder; choose a folder for the directory</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="139" />
      <source>{path} — это папка, укажите имя файла</source>
      <translation>{path} is a folder; give a file name</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="23" />
      <source>{report}: {scope} по состоянию на {date}</source>
      <translation>{report}: {scope} as of {date}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/export.py" line="91" />
      <source>{report}: записано строк {rows} в {path} за {seconds:.1f} с</source>
      <translation>{report}: {rows} rows written to {path} in {seconds:.1f} s</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="283" />
      <source>«{name}» ({level}) не может входить в «{parent}» ({parent_level})</source>
      <translation>«{name}» ({level}) cannot be inside «{parent}» ({parent_level})</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="192" />
      <source>«{name}» не может входить в «{parent}»: уровень должен быть ниже</source>
      <translation>«{name}» cannot be inside «{parent}»: its level must be lower</translation>
    </message>
    <message>
      <location filename="../../editor/core/dynamics.py" line="47" />
      <source>«{text}» — не дата (ожидается ГГГГ-ММ-ДД или ДД.ММ.ГГГГ)</source>
      <translation>«{text}» is not a date (expected YYYY-MM-DD or DD.MM.YYYY)</translation>
    </message>
    <message>
      <location filename="../../editor/core/dynamics.py" line="59" />
      <source>«{text}» — не месяц (ожидается ГГГГ-ММ)</source>
      <translation>«{text}» is not a month (expected YYYY-MM)</translation>
    </message>
    <message>
      <location filename="../../editor/core/dynamics.py" line="52" />
      <source>«{text}» — нет такой даты</source>
      <translation>«{text}»: no such date</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="301" />
      <source>«{value}» не код ОКТМО (8 или 11 цифр)</source>
      <translation>«{value}» is not an OKTMO code (8 or 11 digits)</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="75" />
      <source>База данных {where} принадлежит другой программе</source>
      <translation>Database {where} belongs to another program</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="78" />
      <source>База данных {where} пуста: создайте каталог командой init</source>
      <translation>Database {where} is empty: create a catalogue with the init command</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="266" />
      <source>Без виджетов ПОС</source>
      <translation>Without POS widgets</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="264" />
      <source>Без госметки</source>
      <translation>Without the state badge</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="342" />
      <source>В «{name}» есть организации ({count}); укажите, куда их перенести</source>
      <translation>«{name}» holds organisations ({count}); say where they should go</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/dynamics.py" line="101" />
      <source>В выбранном охвате нет замеров подписчиков</source>
      <translation>The chosen scope holds no subscriber counts</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/publish.py" line="151" />
      <source>В выбранном охвате нет ни одной страницы: справочник не создан</source>
      <translation>The chosen scope holds no pages: no directory was made</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="222" />
      <source>В выбранном охвате нет ни организаций, ни страниц: отчёт не создан</source>
      <translation>The chosen scope holds no organisations and no pages: no report was made</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/publish.py" line="92" />
      <source>В папке {path} есть другие файлы, кроме справочника: она не будет заменена; укажите новую или пустую папку</source>
      <translation>Folder {path} holds files other than the directory: it will not be replaced; choose a new or empty folder</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="75" />
      <source>ВКонтакте</source>
      <translation>VK</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="333" />
      <source>Виджеты</source>
      <translation>Widgets</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="148" />
      <source>Внимание: {line}</source>
      <translation>Warning: {line}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/dispatch.py" line="53" />
      <source>Внутренняя ошибка: {kind}: {message}</source>
      <translation>Internal error: {kind}: {message}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="196" />
      <source>Всего</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="331" />
      <source>Госметка</source>
      <translation>State badge</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="187" />
      <source>Госпаблики по сферам</source>
      <translation>Official pages by sphere</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="140" />
      <source>Госпаблики по территориям</source>
      <translation>Official pages by territory</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="144" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="208" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="364" />
      <source>Готово</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="277" />
      <source>Данные о подписчиках считаются устаревшими, если замер старше {n} дн. (до {date})</source>
      <translation>Subscriber data count as stale when the count is older than {n} days (before {date})</translation>
    </message>
    <message>
      <location filename="../../editor/core/training.py" line="103" />
      <location filename="../../editor/exchange/reports/training.py" line="178" />
      <location filename="../../editor/exchange/training/registration.py" line="198" />
      <source>Дата</source>
      <translation>Date</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="335" />
      <source>Дата замера</source>
      <translation>Count date</translation>
    </message>
    <message>
      <location filename="../../editor/core/digest.py" line="132" />
      <source>Дата сравнения {since} позже даты справки {day}</source>
      <translation>The comparison date {since} is later than the digest date {day}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="247" />
      <source>Дата:</source>
      <translation>Date:</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/dynamics.py" line="55" />
      <source>Динамика</source>
      <translation>Dynamics</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="44" />
      <source>Динамика подписчиков</source>
      <translation>Subscriber dynamics</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/dynamics.py" line="57" />
      <source>Динамика подписчиков: {scope} по состоянию на {date}</source>
      <translation>Subscriber dynamics: {scope} as of {date}</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="71" />
      <source>Для каталога на сервере PostgreSQL установите дополнение: pip install 'gospabliki-catalogue[server]'</source>
      <translation>For a catalogue on a PostgreSQL server, install the add-on: pip install 'gospabliki-catalogue[server]'</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="117" />
      <source>Доля обученных, %</source>
      <translation>Trained, %</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="123" />
      <source>Доля подключённых, %</source>
      <translation>Connected, %</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="124" />
      <source>Доля с виджетами ПОС, %</source>
      <translation>With POS widgets, %</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="122" />
      <source>Доля с госметкой, %</source>
      <translation>With the state badge, %</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="77" />
      <source>Другая</source>
      <translation>Other</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="128" />
      <source>Загружено</source>
      <translation>Loaded</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/load.py" line="97" />
      <source>Загружено файлов: {files}. Создано территорий: {created} ({levels}); переименовано: {updated}; без изменений: {unchanged}; добавлено прежних названий: {aliases}</source>
      <translation>Files loaded: {files}. Territories created: {created} ({levels}); renamed: {updated}; unchanged: {unchanged}; former names added: {aliases}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/load.py" line="236" />
      <source>Загрузка классификатора отменена; каталог не изменён</source>
      <translation>Classifier loading cancelled; the catalogue is unchanged</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="336" />
      <source>Замечания</source>
      <translation>Remarks</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="136" />
      <source>Запись сводки</source>
      <translation>Writing the summary</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/publish.py" line="155" />
      <location filename="../../editor/exchange/directory/publish.py" line="164" />
      <location filename="../../editor/exchange/directory/publish.py" line="166" />
      <source>Запись справочника</source>
      <translation>Writing the directory</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="179" />
      <location filename="../../editor/exchange/reports/dynamics.py" line="52" />
      <source>Запись таблицы</source>
      <translation>Writing the table</translation>
    </message>
    <message>
      <location filename="../../editor/core/versions.py" line="39" />
      <source>Запись уже изменил другой пользователь — {fields}</source>
      <translation>Another user has already changed the record: {fields}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="295" />
      <location filename="../../editor/exchange/reports/training.py" line="145" />
      <source>ИНН</source>
      <translation>INN</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="116" />
      <source>Из них обучено</source>
      <translation>Of them trained</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/dynamics.py" line="73" />
      <source>Изменение за период</source>
      <translation>Change over the period</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/dynamics.py" line="74" />
      <source>Изменение, %</source>
      <translation>Change, %</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="67" />
      <location filename="../../editor/exchange/reports/dynamics.py" line="95" />
      <location filename="../../editor/exchange/reports/dynamics.py" line="153" />
      <source>Итого</source>
      <translation>Total</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="155" />
      <source>Каталог {path} в порядке</source>
      <translation>Catalogue {path} is consistent</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="33" />
      <source>Каталог {path} не найден</source>
      <translation>Catalogue {path} not found</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="44" />
      <source>Каталог {path} создан более новой версией программы (схема {version}, поддерживается {supported}); обновите программу</source>
      <translation>Catalogue {path} was made by a newer version of the program (schema {version}, supported {supported}); update the program</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="51" />
      <source>Каталог {path} уже открыт для изменения другой программой</source>
      <translation>Catalogue {path} is already open for editing in another program</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="151" />
      <source>Каталог {path}: найдено нарушений целостности: {count}</source>
      <translation>Catalogue {path}: integrity violations found: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="81" />
      <source>Каталог {where} нужно обновить, а у пользователя нет права изменять его</source>
      <translation>Catalogue {where} needs an update, but the user has no permission to change it</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="55" />
      <source>Каталог {where} уже существует</source>
      <translation>Catalogue {where} already exists</translation>
    </message>
    <message>
      <location filename="../../editor/cli/dispatch.py" line="21" />
      <location filename="../../editor/cli/dispatch.py" line="23" />
      <source>Каталог госпабликов</source>
      <translation>Official pages catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="90" />
      <source>Каталог открыт только для чтения: у пользователя нет права изменять его</source>
      <translation>The catalogue is open read-only: the user has no permission to change it</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="114" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="191" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="260" />
      <source>Код ОКТМО</source>
      <translation>OKTMO code</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="197" />
      <location filename="../../editor/core/territories.py" line="231" />
      <source>Код ОКТМО {code} уже занят</source>
      <translation>OKTMO code {code} is already taken</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="63" />
      <source>На сервере нет базы данных {where}</source>
      <translation>The server has no database {where}</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="64" />
      <source>На сервере нет пользователя {user} ({where})</source>
      <translation>The server has no user {user} ({where})</translation>
    </message>
    <message>
      <location filename="../../editor/commands/spheres.py" line="18" />
      <location filename="../../editor/commands/spheres.py" line="43" />
      <location filename="../../editor/core/spheres.py" line="59" />
      <source>Название сферы не может быть пустым</source>
      <translation>A sphere name cannot be empty</translation>
    </message>
    <message>
      <location filename="../../editor/commands/territory.py" line="51" />
      <location filename="../../editor/commands/territory.py" line="86" />
      <location filename="../../editor/core/territories.py" line="182" />
      <source>Название территории не может быть пустым</source>
      <translation>A territory name cannot be empty</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="271" />
      <source>Нарушения</source>
      <translation>Violations</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="40" />
      <source>Нарушены ссылки между таблицами: {count}</source>
      <translation>Broken links between tables: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/core/dynamics.py" line="67" />
      <source>Начало периода {first} позже его конца {last}</source>
      <translation>The period start {first} is later than its end {last}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="265" />
      <source>Не подключено к «Госпабликам»</source>
      <translation>Not connected to «Gospabliki»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/publish.py" line="112" />
      <source>Не удалось записать справочник {path}: {reason}</source>
      <translation>Could not write the directory {path}: {reason}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="163" />
      <source>Не удалось записать файл {path}: {reason}</source>
      <translation>Could not write file {path}: {reason}</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="48" />
      <source>Не удалось открыть каталог {path}: {error}</source>
      <translation>Could not open catalogue {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="35" />
      <source>Не удалось открыть файл {path}: {error}</source>
      <translation>Could not open file {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="68" />
      <source>Не удалось подключиться к каталогу {where}: {error}</source>
      <translation>Could not connect to catalogue {where}: {error}</translation>
    </message>
    <message>
      <location filename="../../editor/core/backup.py" line="71" />
      <source>Не удалось создать папку резервных копий {path}: {error}</source>
      <translation>Could not create the backup folder {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../editor/core/backup.py" line="58" />
      <location filename="../../editor/core/offline.py" line="124" />
      <source>Не удалось сохранить копию в {path}: {error}</source>
      <translation>Could not save a copy to {path}: {error}</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="131" />
      <source>Не указана территория</source>
      <translation>No territory given</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="60" />
      <source>Неверный пароль пользователя {user} ({where})</source>
      <translation>Wrong password for user {user} ({where})</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/publish.py" line="104" />
      <source>Недостаточно места на диске для справочника {path}</source>
      <translation>Not enough disk space for the directory {path}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="155" />
      <source>Недостаточно места на диске для файла {path}</source>
      <translation>Not enough disk space for file {path}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="194" />
      <source>Неизвестный отчёт «{name}»; доступны: {names}</source>
      <translation>Unknown report «{name}»; available: {names}</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="186" />
      <source>Неизвестный уровень «{level}»</source>
      <translation>Unknown level «{level}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="132" />
      <source>Нельзя записать отчёт в файл открытого каталога {path}</source>
      <translation>A report cannot be written over the open catalogue {path}</translation>
    </message>
    <message>
      <location filename="../../editor/core/duplicates.py" line="106" />
      <source>Нельзя объединить страницу с самой собой</source>
      <translation>A page cannot be merged with itself</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="279" />
      <source>Нельзя переместить «{name}» внутрь самой себя</source>
      <translation>«{name}» cannot be moved inside itself</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="347" />
      <source>Нельзя перенести записи внутрь удаляемой территории</source>
      <translation>Records cannot move into the territory being deleted</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/publish.py" line="75" />
      <source>Нельзя создать папку {path}: {parent} — файл, а не папка</source>
      <translation>Cannot create folder {path}: {parent} is a file, not a folder</translation>
    </message>
    <message>
      <location filename="../../editor/core/backup.py" line="40" />
      <source>Нельзя сохранить копию каталога поверх него самого</source>
      <translation>A copy of the catalogue cannot be saved over the catalogue itself</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/publish.py" line="109" />
      <location filename="../../editor/exchange/reports/export.py" line="159" />
      <source>Нет прав на запись в папку {path}</source>
      <translation>No permission to write to folder {path}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/directory.py" line="99" />
      <source>Ничего не найдено</source>
      <translation>Nothing found</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="294" />
      <location filename="../../editor/exchange/reports/training.py" line="144" />
      <source>ОГРН</source>
      <translation>OGRN</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="146" />
      <source>ОШИБКА: {line}</source>
      <translation>ERROR: {line}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="121" />
      <source>Обучение</source>
      <translation>Training</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="43" />
      <source>Обучение администраторов</source>
      <translation>Administrator training</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="124" />
      <source>Обучение администраторов госпабликов</source>
      <translation>Training of official page administrators</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="114" />
      <source>Обучено человек</source>
      <translation>People trained</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="76" />
      <source>Одноклассники</source>
      <translation>Odnoklassniki</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="288" />
      <source>Организации без страниц</source>
      <translation>Organisations without pages</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="154" />
      <source>Организации не найдены в каталоге ({n}), сохранены как написано:</source>
      <translation>Organisations not found in the catalogue ({n}), saved as written:</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="115" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="261" />
      <source>Организаций</source>
      <translation>Organisations</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="262" />
      <source>Организаций без страницы и без основания</source>
      <translation>Organisations without a page and without a reason</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="115" />
      <source>Организаций со страницами</source>
      <translation>Organisations with pages</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="115" />
      <source>Организаций: {n}</source>
      <translation>Organisations: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="293" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="328" />
      <location filename="../../editor/exchange/reports/training.py" line="143" />
      <source>Организация</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../editor/core/records.py" line="127" />
      <location filename="../../editor/core/records.py" line="252" />
      <location filename="../../editor/core/training.py" line="227" />
      <source>Организация {id} не найдена</source>
      <translation>Organisation {id} not found</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="161" />
      <source>Отклонённые строки записаны в {path}</source>
      <translation>Rejected rows written to {path}</translation>
    </message>
    <message>
      <location filename="../../editor/core/offline.py" line="104" />
      <source>Открытый каталог не на сервере</source>
      <translation>The open catalogue is not on a server</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/training/registration.py" line="448" />
      <source>Ошибки</source>
      <translation>Errors</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="34" />
      <location filename="../../editor/exchange/directory/publish.py" line="72" />
      <location filename="../../editor/exchange/reports/export.py" line="137" />
      <source>Папка {path} не существует</source>
      <translation>Folder {path} does not exist</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/publish.py" line="89" />
      <source>Папка {path} уже существует</source>
      <translation>Folder {path} already exists</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="332" />
      <source>Подключение к «Госпабликам»</source>
      <translation>Connected to «Gospabliki»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="119" />
      <source>Подключено к «Госпабликам»</source>
      <translation>Connected to «Gospabliki»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="334" />
      <source>Подписчики</source>
      <translation>Subscribers</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/dynamics.py" line="62" />
      <source>Подписчики на конец месяца (последний замер каждой страницы не позже конца месяца), {first} — {last}</source>
      <translation>Subscribers at month end (each page's latest count no later than the end of the month), {first} – {last}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="267" />
      <source>Подписчики не обновлялись более {n} дн.</source>
      <translation>Subscribers not updated for more than {n} days</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/dynamics.py" line="105" />
      <source>Подписчики: {scope}</source>
      <translation>Subscribers: {scope}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="121" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="201" />
      <source>Подписчиков</source>
      <translation>Subscribers</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="117" />
      <source>Подписчиков: {n}</source>
      <translation>Subscribers: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="254" />
      <source>Подсчёт нарушений</source>
      <translation>Counting violations</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="105" />
      <source>Подсчёт обучения</source>
      <translation>Counting training</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/dynamics.py" line="44" />
      <source>Подсчёт по месяцам</source>
      <translation>Counting by month</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="153" />
      <source>Подсчёт по сферам</source>
      <translation>Counting by sphere</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="107" />
      <source>Подсчёт по территориям</source>
      <translation>Counting by territory</translation>
    </message>
    <message>
      <location filename="../../editor/core/bulk.py" line="75" />
      <location filename="../../editor/core/bulk.py" line="82" />
      <source>Поле «{field}» нельзя изменить</source>
      <translation>Field «{field}» cannot be changed</translation>
    </message>
    <message>
      <location filename="../../editor/core/duplicates.py" line="115" />
      <source>Поле «{field}» нельзя объединить</source>
      <translation>Field «{field}» cannot be merged</translation>
    </message>
    <message>
      <location filename="../../editor/cli/dispatch.py" line="42" />
      <source>Прервано</source>
      <translation>Interrupted</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="137" />
      <source>Пригласить на обучение</source>
      <translation>Invite to training</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="344" />
      <source>Проверено записей: {n}</source>
      <translation>Records checked: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="128" />
      <source>Проверка (ничего не записано)</source>
      <translation>Check (nothing written)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/load.py" line="119" />
      <source>Проверка без записи. </source>
      <translation>Check without writing. </translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="424" />
      <source>Реестр</source>
      <translation>Registry</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="39" />
      <source>Реестр госпабликов</source>
      <translation>Registry of official pages</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="428" />
      <source>Реестр: записано строк {done} из {total}</source>
      <translation>Registry: {done} of {total} rows written</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="120" />
      <source>С виджетами ПОС</source>
      <translation>With POS widgets</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="118" />
      <source>С госметкой</source>
      <translation>With the state badge</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="121" />
      <source>С госметкой: {n}; подключено к «Госпабликам»: {c}; с виджетами ПОС: {w}</source>
      <translation>With the state badge: {n}; connected to «Gospabliki»: {c}; with POS widgets: {w}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="138" />
      <source>Сводка</source>
      <translation>Summary</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="40" />
      <source>Сводка по территориям</source>
      <translation>Summary by territory</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="178" />
      <source>Семинар</source>
      <translation>Seminar</translation>
    </message>
    <message>
      <location filename="../../editor/core/training.py" line="137" />
      <source>Семинар {id} не найден</source>
      <translation>Seminar {id} not found</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="113" />
      <source>Семинаров</source>
      <translation>Seminars</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="71" />
      <source>Семинаров нет</source>
      <translation>No seminars</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="131" />
      <source>Семинаров: {s}; обучено человек: {p}; обученных организаций: {o}</source>
      <translation>Seminars: {s}; people trained: {p}; organisations trained: {o}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="174" />
      <location filename="../../editor/exchange/reports/training.py" line="177" />
      <source>Семинары</source>
      <translation>Seminars</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="123" />
      <source>Семинары с {date}</source>
      <translation>Seminars since {date}</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="67" />
      <source>Сервер каталога {where} недоступен</source>
      <translation>The catalogue server {where} is unreachable</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="57" />
      <source>Сервер требует пароль пользователя {user} ({where})</source>
      <translation>The server requires the password of user {user} ({where})</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="42" />
      <source>Соблюдение требований</source>
      <translation>Compliance</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="276" />
      <source>Соблюдение требований к госпабликам</source>
      <translation>Compliance of official pages</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="58" />
      <source>Создан каталог {path}: субъектов РФ {regions}, федеральных округов {districts}</source>
      <translation>Catalogue {path} created: {regions} federal subjects, {districts} federal districts</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/training/registration.py" line="279" />
      <source>Сопоставление</source>
      <translation>Matching</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="329" />
      <source>Соцсеть</source>
      <translation>Network</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="133" />
      <source>Список организаций без обученных</source>
      <translation>Organisations with nobody trained</translation>
    </message>
    <message>
      <location filename="../../editor/cli/directory.py" line="70" />
      <source>Справочник записан в {path}: организаций {orgs}, страниц {pages} за {seconds:.1f} с</source>
      <translation>Directory written to {path}: {orgs} organisations, {pages} pages in {seconds:.1f} s</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="330" />
      <source>Ссылка</source>
      <translation>Link</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="148" />
      <source>Ссылки</source>
      <translation>Links</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="92" />
      <source>Ссылок, которые встречаются у нескольких страниц: {count}</source>
      <translation>Links shared by several pages: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="116" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="201" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="263" />
      <source>Страниц</source>
      <translation>Pages</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="65" />
      <source>Страниц вне корзины у организаций в корзине: {count}</source>
      <translation>Live pages of trashed organisations: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="55" />
      <source>Страниц с территорией, отличной от территории организации: {count}</source>
      <translation>Pages whose territory differs from their organisation's: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/directory/lookup.py" line="314" />
      <source>Страниц, которые указатель поиска lookup держит неверно: {count}</source>
      <translation>Pages the lookup search index holds wrongly: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="60" />
      <source>Страниц, у которых число подписчиков не совпадает с последним замером: {count}</source>
      <translation>Pages whose subscriber number differs from the latest count: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="117" />
      <source>Страниц: {network}</source>
      <translation>Pages: {network}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="116" />
      <source>Страниц: {n}</source>
      <translation>Pages: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="248" />
      <source>Страница &amp;P из &amp;N</source>
      <translation>Page &amp;P of &amp;N</translation>
    </message>
    <message>
      <location filename="../../editor/core/duplicates.py" line="112" />
      <source>Страница {id} в корзине</source>
      <translation>Page {id} is in the trash</translation>
    </message>
    <message>
      <location filename="../../editor/commands/records.py" line="104" />
      <location filename="../../editor/core/duplicates.py" line="110" />
      <location filename="../../editor/core/records.py" line="286" />
      <source>Страница {id} не найдена</source>
      <translation>Page {id} not found</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="322" />
      <source>Страницы с замечаниями</source>
      <translation>Pages with remarks</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="297" />
      <location filename="../../editor/exchange/reports/training.py" line="146" />
      <source>Сфера 1</source>
      <translation>Sphere 1</translation>
    </message>
    <message>
      <location filename="../../editor/commands/spheres.py" line="67" />
      <source>Сфера {id} не найдена</source>
      <translation>Sphere {id} not found</translation>
    </message>
    <message>
      <location filename="../../editor/cli/shared.py" line="63" />
      <source>Сфера «{name}» не найдена</source>
      <translation>Sphere «{name}» not found</translation>
    </message>
    <message>
      <location filename="../../editor/core/spheres.py" line="65" />
      <source>Сфера «{name}» уже есть</source>
      <translation>Sphere «{name}» already exists</translation>
    </message>
    <message>
      <location filename="../../editor/core/spheres.py" line="110" />
      <source>Сфера используется в {count} организациях</source>
      <translation>The sphere is used by {count} organisations</translation>
    </message>
    <message>
      <location filename="../../editor/core/spheres.py" line="63" />
      <source>Сфера может входить только в сферу верхнего уровня</source>
      <translation>A sphere can only be inside a top-level sphere</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="196" />
      <source>Сфера не указана</source>
      <translation>No sphere</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="188" />
      <source>Сфера организации — первая из указанных (Сфера 1)</source>
      <translation>An organisation's sphere is the first one given (Sphere 1)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="182" />
      <source>Сферы</source>
      <translation>Spheres</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="41" />
      <source>Территории и сферы</source>
      <translation>Territories and spheres</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="50" />
      <source>Территорий без родителя не на уровне страны: {count}</source>
      <translation>Territories without a parent below the country level: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="85" />
      <source>Территорий вне дерева (цикл): {count}</source>
      <translation>Territories outside the tree (a cycle): {count}</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="46" />
      <source>Территорий с уровнем не ниже родительского: {count}</source>
      <translation>Territories whose level is not below their parent's: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/core/integrity.py" line="75" />
      <source>Территорий, у которых сводные счётчики расходятся с пересчётом: {count}</source>
      <translation>Territories whose stored totals differ from a recount: {count}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="126" />
      <source>Территорий: {counts}</source>
      <translation>Territories: {counts}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="113" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="191" />
      <location filename="../../editor/exchange/reports/aggregates.py" line="259" />
      <source>Территория</source>
      <translation>Territory</translation>
    </message>
    <message>
      <location filename="../../editor/core/records.py" line="69" />
      <location filename="../../editor/core/territories.py" line="23" />
      <location filename="../../editor/core/training.py" line="108" />
      <source>Территория {id} не найдена</source>
      <translation>Territory {id} not found</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="140" />
      <source>Территория «{name}» не найдена</source>
      <translation>Territory «{name}» not found</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="144" />
      <source>Территория «{name}» неоднозначна, подходят: {candidates}</source>
      <translation>Territory «{name}» is ambiguous; candidates: {candidates}</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="126" />
      <source>Территория с кодом ОКТМО {code} не найдена</source>
      <translation>No territory with OKTMO code {code}</translation>
    </message>
    <message>
      <location filename="../../editor/core/training.py" line="223" />
      <source>Укажите ФИО участника</source>
      <translation>Enter the participant's full name</translation>
    </message>
    <message>
      <location filename="../../editor/core/training.py" line="99" />
      <source>Укажите название семинара</source>
      <translation>Enter the seminar title</translation>
    </message>
    <message>
      <location filename="../../editor/core/training.py" line="267" />
      <source>Участник {id} не найден</source>
      <translation>Participant {id} not found</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="178" />
      <source>Участников</source>
      <translation>Participants</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="296" />
      <source>Учредитель</source>
      <translation>Founder</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="276" />
      <source>Файл {path} занят другой программой (открыт в Excel?) или недоступен для записи</source>
      <translation>File {path} is held by another program (open in Excel?) or cannot be written</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="46" />
      <source>Файл {path} не найден</source>
      <translation>File {path} not found</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="38" />
      <source>Файл {path} не является каталогом госпабликов</source>
      <translation>File {path} is not an official pages catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="54" />
      <location filename="../../editor/exchange/reports/export.py" line="141" />
      <source>Файл {path} уже существует</source>
      <translation>File {path} already exists</translation>
    </message>
    <message>
      <location filename="../../editor/core/opening.py" line="41" />
      <source>Файл каталога {path} повреждён: {error}</source>
      <translation>Catalogue file {path} is damaged: {error}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/training.py" line="178" />
      <source>Формат</source>
      <translation>Format</translation>
    </message>
    <message>
      <location filename="../../editor/core/training.py" line="73" />
      <source>Формат «{value}» не распознан: ожидается «очно» или «онлайн»</source>
      <translation>Format «{value}» not recognised: «очно» (in person) or «онлайн» (online) expected</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="200" />
      <source>Число дней должно быть неотрицательным</source>
      <translation>The number of days cannot be negative</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/training/registration.py" line="272" />
      <source>Чтение {file}</source>
      <translation>Reading {file}</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="79" />
      <source>активный</source>
      <translation>active</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="80" />
      <source>визитка</source>
      <translation>business card</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="99" />
      <source>все территории</source>
      <translation>all territories</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="114" />
      <source>выбранные страницы: {n}</source>
      <translation>selected pages: {n}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/export.py" line="21" />
      <source>выгрузить отчёт</source>
      <translation>export a report</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="384" />
      <location filename="../../editor/exchange/reports/scope.py" line="442" />
      <source>да</source>
      <translation>yes</translation>
    </message>
    <message>
      <location filename="../../editor/cli/dynamics.py" line="60" />
      <source>дата --since {since} позже даты --as-of {as_of}</source>
      <translation>the --since date {since} is later than the --as-of date {as_of}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="28" />
      <source>загрузить и упразднённые муниципалитеты</source>
      <translation>load abolished municipalities too</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="24" />
      <source>загрузить классификатор территорий</source>
      <translation>load a territory classifier</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="23" />
      <source>загрузить списки участников семинаров</source>
      <translation>load seminar participant lists</translation>
    </message>
    <message>
      <location filename="../../editor/cli/directory.py" line="23" />
      <source>заменить прежний справочник</source>
      <translation>replace the previous directory</translation>
    </message>
    <message>
      <location filename="../../editor/cli/export.py" line="32" />
      <source>заменить существующий файл</source>
      <translation>replace an existing file</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/formats.py" line="261" />
      <source>запись оборвана или кавычки не закрыты — файл обрезан или повреждён</source>
      <translation>the record breaks off or a quote is not closed: the file is truncated or damaged</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="22" />
      <source>импортировать таблицы</source>
      <translation>import spreadsheets</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/formats.py" line="280" />
      <source>книга Excel повреждена или обрезана ({error})</source>
      <translation>the Excel workbook is damaged or truncated ({error})</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/formats.py" line="330" />
      <source>код ОКТМО {code} повторяется с другим названием: «{name}», а в строке {line} — «{earlier}»</source>
      <translation>OKTMO code {code} repeats with another name: «{name}», while line {line} has «{earlier}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/load.py" line="295" />
      <source>код ОКТМО {code}: субъекта РФ с кодом {region} нет в каталоге</source>
      <translation>OKTMO code {code}: the catalogue has no federal subject with code {region}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/formats.py" line="235" />
      <location filename="../../editor/exchange/classifiers/formats.py" line="245" />
      <source>кодировка не распознана (ожидается UTF-8 или windows-1251)</source>
      <translation>unknown encoding (UTF-8 or windows-1251 expected)</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="31" />
      <source>муниципалитеты, действовавшие в этом году</source>
      <translation>municipalities that existed in this year</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="311" />
      <source>муниципальное образование</source>
      <translation>municipality</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/load.py" line="92" />
      <source>муниципальных образований {m}, поселений {s}, населённых пунктов {l}</source>
      <translation>municipalities {m}, settlements {s}, localities {l}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/formats.py" line="310" />
      <source>название «{name}» искажено: файл в кодировке windows-1251 был прочитан как UTF-8 (или наоборот) и сохранён; возьмите исходный файл</source>
      <translation>name «{name}» is garbled: a windows-1251 file was read as UTF-8 (or the other way round) and saved; use the original file</translation>
    </message>
    <message>
      <location filename="../../editor/cli/directory.py" line="26" />
      <source>найти официальные страницы</source>
      <translation>find official pages</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="313" />
      <source>населённый пункт</source>
      <translation>locality</translation>
    </message>
    <message>
      <location filename="../../editor/cli/dynamics.py" line="53" />
      <source>начало периода --from {first} позже его конца --to {last}</source>
      <translation>the period start --from {first} is later than its end --to {last}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="243" />
      <source>не подключена к «Госпабликам»</source>
      <translation>not connected to «Gospabliki»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/formats.py" line="224" />
      <source>не удалось прочитать файл: {error}</source>
      <translation>could not read the file: {error}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/training/registration.py" line="194" />
      <source>не указан семинар</source>
      <translation>no seminar given</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/training/registration.py" line="203" />
      <source>не указана дата семинара</source>
      <translation>no seminar date given</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/training/registration.py" line="190" />
      <source>не указано ФИО участника</source>
      <translation>no participant's full name given</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="81" />
      <source>не учитывается</source>
      <translation>not counted</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="159" />
      <source>неверный год «{value}» в столбце {column}</source>
      <translation>wrong year «{value}» in column {column}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="180" />
      <source>неверный код ОКТМО «{code}»</source>
      <translation>wrong OKTMO code «{code}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="97" />
      <source>неверный код ОКТМО «{code}» или раздел «{part}»</source>
      <translation>wrong OKTMO code «{code}» or section «{part}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="89" />
      <source>неполная запись ({count} полей из {expected}) — файл обрезан или повреждён</source>
      <translation>incomplete record ({count} of {expected} fields): the file is truncated or damaged</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="176" />
      <source>неполная строка — файл обрезан или повреждён</source>
      <translation>incomplete line: the file is truncated or damaged</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="384" />
      <location filename="../../editor/exchange/reports/scope.py" line="442" />
      <source>нет</source>
      <translation>no</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="245" />
      <source>нет виджетов ПОС</source>
      <translation>no POS widgets</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="241" />
      <source>нет госметки</source>
      <translation>no state badge</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="103" />
      <location filename="../../editor/exchange/classifiers/layouts.py" line="183" />
      <source>нет названия</source>
      <translation>no name</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="305" />
      <source>нет названия для кода {code}</source>
      <translation>no name for code {code}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/directory.py" line="41" />
      <source>нужно целое число больше нуля</source>
      <translation>a whole number greater than zero is needed</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="20" />
      <source>обучение администраторов страниц</source>
      <translation>training of page administrators</translation>
    </message>
    <message>
      <location filename="../../editor/cli/export.py" line="28" />
      <source>обучение: семинары с этой даты</source>
      <translation>training: seminars since this date</translation>
    </message>
    <message>
      <location filename="../../editor/core/training.py" line="27" />
      <source>онлайн</source>
      <translation>online</translation>
    </message>
    <message>
      <location filename="../../editor/cli/directory.py" line="18" />
      <source>опубликовать справочник для граждан</source>
      <translation>publish the directory for citizens</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="16" />
      <source>открыть редактор</source>
      <translation>open the editor</translation>
    </message>
    <message>
      <location filename="../../editor/core/training.py" line="26" />
      <source>очно</source>
      <translation>in person</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/aggregates.py" line="248" />
      <source>подписчики не обновлялись более {n} дн.</source>
      <translation>subscribers not updated for more than {n} days</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="116" />
      <source>поиск «{text}»</source>
      <translation>search «{text}»</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="34" />
      <source>показать, что изменится, ничего не записывая</source>
      <translation>show what would change without writing anything</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="312" />
      <source>поселение</source>
      <translation>settlement</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="264" />
      <source>преемник «{new}» ({new_code}) упразднённого «{old}» ({old_code}) находится в другом субъекте РФ</source>
      <translation>successor «{new}» ({new_code}) of abolished «{old}» ({old_code}) is in another federal subject</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="46" />
      <source>проверить целостность каталога</source>
      <translation>check the integrity of a catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="39" />
      <source>сводные показатели</source>
      <translation>summary figures</translation>
    </message>
    <message>
      <location filename="../../editor/cli/catalogue.py" line="20" />
      <source>создать каталог</source>
      <translation>create a catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="109" />
      <source>соцсети: {names}</source>
      <translation>networks: {names}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/training.py" line="32" />
      <source>список семинаров</source>
      <translation>list the seminars</translation>
    </message>
    <message>
      <location filename="../../editor/cli/dynamics.py" line="39" />
      <source>справка для новости</source>
      <translation>press digest</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="308" />
      <source>страна</source>
      <translation>country</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="310" />
      <source>субъект РФ</source>
      <translation>federal subject</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/reports/export.py" line="103" />
      <source>сферы: {names}</source>
      <translation>spheres: {names}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/formats.py" line="227" />
      <location filename="../../editor/exchange/classifiers/layouts.py" line="40" />
      <source>файл пуст</source>
      <translation>the file is empty</translation>
    </message>
    <message>
      <location filename="../../editor/core/territories.py" line="309" />
      <source>федеральный округ</source>
      <translation>federal district</translation>
    </message>
    <message>
      <location filename="../../editor/itemmodels/page_columns.py" line="78" />
      <source>флагманский</source>
      <translation>flagship</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/classifiers/layouts.py" line="53" />
      <source>формат не распознан: ожидается файл ОКТМО Росстата, список муниципальных образований или таблица «код ОКТМО; название»</source>
      <translation>unknown format: expected Rosstat's OKTMO file, a list of municipalities or a table «OKTMO code; name»</translation>
    </message>
  </context>
  <context>
    <name>fields</name>
    <message>
      <location filename="../../editor/core/fields.py" line="79" />
      <source>E-mail</source>
      <translation>E-mail</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="93" />
      <source>ID госпаблика</source>
      <translation>Page ID</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="121" />
      <source>Активность, %</source>
      <translation>Activity, %</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="111" />
      <source>Виджет «Высказать мнение»</source>
      <translation>Widget «Give an opinion»</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="104" />
      <source>Виджет «Сообщить о проблеме»</source>
      <translation>Widget «Report a problem»</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="99" />
      <source>Виджеты</source>
      <translation>Widgets</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="98" />
      <source>Госметка</source>
      <translation>State badge</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="131" />
      <source>Дата замера</source>
      <translation>Count date</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="76" />
      <source>Должность ответственного</source>
      <translation>Responsible person's position</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="115" />
      <source>Запись в кружки</source>
      <translation>Club enrolment</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="118" />
      <source>Запись к врачу</source>
      <translation>Doctor appointment</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="62" />
      <source>ИНН</source>
      <translation>INN</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="59" />
      <source>Краткое наименование</source>
      <translation>Short name</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="92" />
      <source>Название страницы</source>
      <translation>Page title</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="69" />
      <source>Не ведется на основании</source>
      <translation>Not kept because of</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="61" />
      <source>ОГРН</source>
      <translation>OGRN</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="54" />
      <source>Организация</source>
      <translation>Organisation</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="71" />
      <source>Ответственный</source>
      <translation>Responsible person</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="120" />
      <source>Оформление, %</source>
      <translation>Design, %</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="122" />
      <source>Охват за неделю</source>
      <translation>Weekly reach</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="96" />
      <source>Подключение к «Госпабликам»</source>
      <translation>Connected to «Gospabliki»</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="126" />
      <source>Подписчики</source>
      <translation>Subscribers</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="134" />
      <source>Примечание</source>
      <translation>Notes</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="84" />
      <source>Примечание к организации</source>
      <translation>Organisation notes</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="90" />
      <source>Соцсеть</source>
      <translation>Network</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="124" />
      <source>Средний охват публикации</source>
      <translation>Average post reach</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="91" />
      <source>Ссылка</source>
      <translation>Link</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="94" />
      <source>Статус</source>
      <translation>Status</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="65" />
      <source>Сфера 1</source>
      <translation>Sphere 1</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="66" />
      <source>Сфера 2</source>
      <translation>Sphere 2</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="67" />
      <source>Сфера 3</source>
      <translation>Sphere 3</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="78" />
      <source>Телефон</source>
      <translation>Phone</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="64" />
      <source>Тип организации</source>
      <translation>Organisation type</translation>
    </message>
    <message>
      <location filename="../../editor/core/fields.py" line="63" />
      <source>Учредитель</source>
      <translation>Founder</translation>
    </message>
  </context>
  <context>
    <name>import</name>
    <message>
      <location filename="../../editor/exchange/importing/territories.py" line="158" />
      <source> в «{target}»</source>
      <translation> in «{target}»</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="217" />
      <source> и ещё {count}</source>
      <translation> and {count} more</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="230" />
      <source> файла {name}</source>
      <translation> of file {name}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="173" />
      <source>, заголовок в строке {row}</source>
      <translation>, header on row {row}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="195" />
      <source>, значение «{value}»</source>
      <translation>, value «{value}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="47" />
      <source>, лист «{sheet}»</source>
      <translation>, sheet «{sheet}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/engine.py" line="330" />
      <source>, осталось ~{seconds} с</source>
      <translation>, ~{seconds} s left</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="190" />
      <source>, столбец «{column}»</source>
      <translation>, column «{column}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="49" />
      <source>, строка {row}</source>
      <translation>, row {row}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="41" />
      <source>--map «{item}»: ожидается «Заголовок=поле»</source>
      <translation>--map «{item}»: «Header=field» expected</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/rows.py" line="186" />
      <source>{field}: «{value}» — нет такой сферы в справочнике</source>
      <translation>{field}: «{value}»: no such sphere in the dictionary</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="218" />
      <source>{file}, строки {rows}</source>
      <translation>{file}, rows {rows}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/engine.py" line="170" />
      <source>{file}: в таблице нет столбца территории — укажите территорию импорта (--into)</source>
      <translation>{file}: the table has no territory column; give the import territory (--into)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/catalogue_source.py" line="86" />
      <source>{file}: каталог повреждён: {error}</source>
      <translation>{file}: the catalogue is damaged: {error}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/feed.py" line="286" />
      <source>{file}: файл изменился во время импорта</source>
      <translation>{file}: the file changed during the import</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/feed.py" line="235" />
      <source>{file}: чтение файла прервано (код {code})</source>
      <translation>{file}: reading the file was interrupted (code {code})</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/catalogue_source.py" line="154" />
      <source>{file}: это открытый сейчас каталог, его нельзя импортировать в самого себя</source>
      <translation>{file}: this is the catalogue open now; it cannot be imported into itself</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="127" />
      <source>{path} уже существует: копия каталога сервера сохраняется в новый файл</source>
      <translation>{path} already exists: a copy of the server catalogue is saved to a new file</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="55" />
      <source>{size} ГБ</source>
      <translation>{size} GB</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="56" />
      <source>{size} МБ</source>
      <translation>{size} MB</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="221" />
      <source>Внимание: {place}: {message}</source>
      <translation>Warning: {place}: {message}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="238" />
      <source>Добавлено организаций: {orgs}, страниц: {pages}</source>
      <translation>Organisations added: {orgs}, pages: {pages}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="251" />
      <source>Записано в каталог: пакет импорта №{batch}</source>
      <translation>Written to the catalogue: import batch {batch}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/rows.py" line="342" />
      <source>ИНН {value}: неверная контрольная цифра (строка импортирована)</source>
      <translation>INN {value}: wrong check digit (the row was imported)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/engine.py" line="285" />
      <location filename="../../editor/exchange/importing/engine.py" line="294" />
      <source>Импорт отменён</source>
      <translation>Import cancelled</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="104" />
      <source>Импорт отменён (--strict): отклонено строк: {count}; каталог не изменён</source>
      <translation>Import cancelled (--strict): {count} rows rejected; the catalogue is unchanged</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="254" />
      <source>Каталог не изменён</source>
      <translation>The catalogue is unchanged</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="133" />
      <source>Копия каталога сервера не принимает --dry-run, --into, --map, --strict, --errors</source>
      <translation>A copy of the server catalogue does not take --dry-run, --into, --map, --strict, --errors</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="154" />
      <source>Копия каталога сервера сохранена в {path}: организаций {orgs}, страниц {pages}</source>
      <translation>Copy of the server catalogue saved to {path}: {orgs} organisations, {pages} pages</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="119" />
      <source>Копия каталога сервера: укажите один новый файл каталога и один адрес сервера (import КОПИЯ.gpc postgresql://…)</source>
      <translation>Copy of the server catalogue: give one new catalogue file and one server address (import COPY.gpc postgresql://…)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/columns.py" line="163" />
      <source>Неизвестное поле «{field}» для столбца «{header}»; поля: {known}</source>
      <translation>Unknown field «{field}» for column «{header}»; fields: {known}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/rows.py" line="330" />
      <source>ОГРН {value}: неверная контрольная цифра (строка импортирована)</source>
      <translation>OGRN {value}: wrong check digit (the row was imported)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/territories.py" line="96" />
      <source>ОКТМО {code} — территория «{path}» не входит в «{target}»</source>
      <translation>OKTMO {code}: territory «{path}» is not inside «{target}»</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="200" />
      <source>Отклонено: {place}{column}{value}: {reason}</source>
      <translation>Rejected: {place}{column}{value}: {reason}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="101" />
      <source>Отклонённые строки сохранены в {path}</source>
      <translation>Rejected rows saved to {path}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/rejected.py" line="98" />
      <source>Ошибки</source>
      <translation>Errors</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="532" />
      <location filename="../../editor/exchange/importing/quick.py" line="206" />
      <source>Подписчики на {date}</source>
      <translation>Subscribers on {date}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/engine.py" line="324" />
      <source>Строк: {done} из {total}</source>
      <translation>Rows: {done} of {total}</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="225" />
      <source>Строк: {rows}; новых: {new}; изменено: {updated}; без изменений: {unchanged}; отклонено: {rejected}</source>
      <translation>Rows: {rows}; new: {new}; updated: {updated}; unchanged: {unchanged}; rejected: {rejected}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="302" />
      <location filename="../../editor/exchange/importing/territories.py" line="147" />
      <source>Территория</source>
      <translation>Territory</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="244" />
      <source>Удалено в копии и перенесено в корзину: организаций {orgs}, страниц {pages}</source>
      <translation>Deleted in the copy and moved to the trash: {orgs} organisations, {pages} pages</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="70" />
      <source>Файл {path} не найден</source>
      <translation>File {path} not found</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="174" />
      <source>Файл {where}; столбцы: {columns}</source>
      <translation>File {where}; columns: {columns}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="414" />
      <source>в каталоге</source>
      <translation>in the catalogue</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="255" />
      <source>в каталоге несколько организаций «{name}»: укажите ОГРН</source>
      <translation>the catalogue has several organisations «{name}»: give the OGRN</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="234" />
      <source>в файле есть DOCTYPE/ENTITY ({part}) — так устроены XML-бомбы, импорт отменён</source>
      <translation>the file holds DOCTYPE/ENTITY ({part}), the shape of an XML bomb; import cancelled</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/report.py" line="40" />
      <source>лист «{sheet}»</source>
      <translation>sheet «{sheet}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="387" />
      <source>лист «{sheet}» не найден; листы в файле: {names}</source>
      <translation>sheet «{sheet}» not found; sheets in the file: {names}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="400" />
      <source>не найдена строка заголовков (ожидаются столбцы «Организация», «Ссылка» …)</source>
      <translation>no header row found (columns «Организация», «Ссылка»… expected)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="105" />
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="125" />
      <source>не таблица Excel или CSV</source>
      <translation>not an Excel or CSV table</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="205" />
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="276" />
      <source>не удалось прочитать: {detail}</source>
      <translation>could not read: {detail}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/territories.py" line="149" />
      <source>не указана территория: выберите территорию импорта (--into)</source>
      <translation>no territory given: choose the import territory (--into)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="124" />
      <location filename="../../editor/exchange/importing/plan.py" line="381" />
      <source>не указано наименование организации</source>
      <translation>no organisation name</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="87" />
      <source>нет доступа к файлу (он открыт в другой программе?)</source>
      <translation>no access to the file (is it open in another program?)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="517" />
      <source>нет ссылки на страницу: значения столбцов {columns} не импортированы</source>
      <translation>no page link: the values of columns {columns} were not imported</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/offline_back.py" line="315" />
      <source>организация (id {id}) изменена в копии, но удалена на сервере после копирования — не восстановлена</source>
      <translation>organisation (id {id}) changed in the copy but deleted on the server after the copy was made — not restored</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/offline_back.py" line="250" />
      <source>организация (id {id}) удалена в копии, но у неё на сервере есть страницы, не удалённые в копии — оставлена</source>
      <translation>organisation (id {id}) deleted in the copy, but on the server it has pages not deleted in the copy — kept</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/offline_back.py" line="284" />
      <source>организация «{key}»: «{field}» изменено и в копии, и на сервере после копирования — оставлено значение сервера (в копии: «{value}»)</source>
      <translation>organisation «{key}»: «{field}» changed both in the copy and on the server after the copy was made — the server's value is kept (in the copy: «{value}»)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/offline_back.py" line="265" />
      <source>организация «{name}» удалена в копии, но изменена на сервере после копирования — оставлена</source>
      <translation>organisation «{name}» deleted in the copy but changed on the server after the copy was made — kept</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="397" />
      <source>организация найдена по ссылке; наименование в файле отличается от каталога («{old}»): оставлено как в каталоге</source>
      <translation>the organisation was found by its link; the file's name differs from the catalogue's («{old}»): the catalogue's was kept</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="379" />
      <source>организация с ОГРН {ogrn} не найдена, а наименование не указано</source>
      <translation>no organisation with OGRN {ogrn}, and no name given</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="504" />
      <source>организация уже встречалась в строке {row}{file} со значением «{old}»: оставлено оно</source>
      <translation>the organisation already appeared on row {row}{file} with «{old}»: that value was kept</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="476" />
      <source>повторяет строку {row}{file}</source>
      <translation>repeats row {row}{file}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="462" />
      <source>противоречит строке {row}{file} (оставлена та строка): {diffs}</source>
      <translation>contradicts row {row}{file} (that row was kept): {diffs}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/rows.py" line="370" />
      <source>ссылка без адреса страницы — страница не создана</source>
      <translation>a link without a page address: no page was created</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="421" />
      <source>ссылка уже указана у другой организации ({where}): страница не изменена</source>
      <translation>the link already belongs to another organisation ({where}): the page was not changed</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/offline_back.py" line="309" />
      <source>страница (id {id}) изменена в копии, но удалена на сервере после копирования — не восстановлена</source>
      <translation>page (id {id}) changed in the copy but deleted on the server after the copy was made — not restored</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/offline_back.py" line="278" />
      <source>страница {key}: «{field}» изменено и в копии, и на сервере после копирования — оставлено значение сервера (в копии: «{value}»)</source>
      <translation>page {key}: «{field}» changed both in the copy and on the server after the copy was made — the server's value is kept (in the copy: «{value}»)</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/offline_back.py" line="261" />
      <source>страница {url} удалена в копии, но изменена на сервере после копирования — оставлена</source>
      <translation>page {url} deleted in the copy but changed on the server after the copy was made — kept</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/report.py" line="42" />
      <source>строка {row}</source>
      <translation>row {row}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="412" />
      <source>строка {row}{file}</source>
      <translation>row {row}{file}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/plan.py" line="202" />
      <source>строка пропущена: для территории «{name}» выбрано «пропустить»</source>
      <translation>row skipped: «skip these rows» was chosen for territory «{name}»</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="196" />
      <source>текст не в кодировке {encoding}: сохраните файл в UTF-8</source>
      <translation>the text is not in {encoding}: save the file as UTF-8</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/territories.py" line="121" />
      <source>территория «{name}» не найдена{inside}</source>
      <translation>territory «{name}» not found{inside}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/territories.py" line="117" />
      <source>территория «{name}» неоднозначна, подходят: {candidates}</source>
      <translation>territory «{name}» is ambiguous; candidates: {candidates}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/importing/territories.py" line="136" />
      <source>территория с кодом ОКТМО {code} не найдена</source>
      <translation>no territory with OKTMO code {code}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/xls_ods.py" line="62" />
      <source>файл .{kind} слишком велик для этого формата: сохраните его как .xlsx</source>
      <translation>the .{kind} file is too large for this format: save it as .xlsx</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="98" />
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="223" />
      <source>файл защищён паролем: снимите пароль и сохраните заново</source>
      <translation>the file is password-protected: remove the password and save it again</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="82" />
      <source>файл не найден</source>
      <translation>file not found</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="331" />
      <source>файл повреждён или не читается: {detail}</source>
      <translation>the file is damaged or unreadable: {detail}</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="285" />
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="293" />
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="342" />
      <source>файл повреждён: откройте его в Excel и сохраните заново</source>
      <translation>the file is damaged: open it in Excel and save it again</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="90" />
      <source>файл пуст</source>
      <translation>the file is empty</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="216" />
      <source>файл распаковывается в {size} — похоже на zip-бомбу, импорт отменён</source>
      <translation>the file unpacks to {size}, like a zip bomb; import cancelled</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="139" />
      <source>файл уже закрыт</source>
      <translation>the file is already closed</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="124" />
      <source>формат .ods: сохраните файл как .xlsx</source>
      <translation>.ods format: save the file as .xlsx</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="169" />
      <source>формат «Таблица XML 2003»: сохраните файл как .xlsx</source>
      <translation>«XML Spreadsheet 2003» format: save the file as .xlsx</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="161" />
      <source>это веб-страница (HTML), а не таблица: откройте её в Excel и сохраните как .xlsx</source>
      <translation>this is a web page (HTML), not a table: open it in Excel and save it as .xlsx</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/sniff.py" line="84" />
      <source>это папка, а не файл</source>
      <translation>this is a folder, not a file</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="269" />
      <source>это файл каталога, а не таблица Excel или CSV</source>
      <translation>this is a catalogue file, not an Excel or CSV table</translation>
    </message>
    <message>
      <location filename="../../editor/exchange/spreadsheet/reader.py" line="94" />
      <source>ячейка длиннее {limit} знаков — похоже, незакрытая кавычка</source>
      <translation>a cell longer than {limit} characters: probably an unclosed quote</translation>
    </message>
    <message>
      <location filename="../../editor/cli/importing.py" line="223" />
      <source>… и ещё предупреждений: {count}</source>
      <translation>… and {count} more warnings</translation>
    </message>
  </context>
</TS>
