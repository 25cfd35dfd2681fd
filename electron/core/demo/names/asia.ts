import { pairs } from './types';
import type { NameCulture } from './types';

/** China: family name first, written without a space (王小明), pinyin without tone marks (Wang Xiaoming). */
export const chinese: NameCulture = {
  male: pairs('小明/Xiaoming', '伟/Wei', '强/Qiang', '磊/Lei', '军/Jun', '勇/Yong', '杰/Jie', '涛/Tao', '明/Ming', '超/Chao', '建华/Jianhua', '志强/Zhiqiang', '浩然/Haoran'),
  female: pairs('芳/Fang', '娜/Na', '秀英/Xiuying', '敏/Min', '静/Jing', '丽/Li', '艳/Yan', '娟/Juan', '霞/Xia', '秀兰/Xiulan', '婷/Ting', '雪梅/Xuemei', '玉兰/Yulan'),
  surnames: pairs('王/Wang', '李/Li', '张/Zhang', '刘/Liu', '陈/Chen', '杨/Yang', '黄/Huang', '赵/Zhao', '吴/Wu', '周/Zhou', '徐/Xu', '孙/Sun', '林/Lin', '郑/Zheng', '欧阳/Ouyang'),
  lineage: 'paternal',
  depth: 1,
  familyFirst: true,
  joinWritten: '',
  oneWordShare: 0,
};

/** Viet Nam: family name first, written with diacritics (Nguyễn Văn Minh), Latin without them as in the passport. */
export const vietnamese: NameCulture = {
  male: pairs('Văn Minh/Van Minh', 'Văn Hùng/Van Hung', 'Đức Anh/Duc Anh', 'Quang Huy/Quang Huy', 'Minh Tuấn/Minh Tuan', 'Văn Đạt/Van Dat'),
  female: pairs('Thị Lan/Thi Lan', 'Thị Hương/Thi Huong', 'Thị Mai/Thi Mai', 'Ngọc Ánh/Ngoc Anh', 'Thu Trang/Thu Trang', 'Thị Hằng/Thi Hang'),
  surnames: pairs('Nguyễn/Nguyen', 'Trần/Tran', 'Lê/Le', 'Phạm/Pham', 'Hoàng/Hoang', 'Huỳnh/Huynh', 'Phan/Phan', 'Vũ/Vu', 'Đặng/Dang', 'Bùi/Bui', 'Đỗ/Do'),
  lineage: 'paternal',
  depth: 1,
  familyFirst: true,
  joinWritten: ' ',
  oneWordShare: 0,
};

/**
 * Sri Lanka (Tamil): given name followed by the father's given name, no inherited family name
 * (கிருஷ்ணன் சுப்பிரமணியம் / Krishnan Subramaniam). A few people go by one name.
 */
export const tamil: NameCulture = {
  male: pairs(
    'கிருஷ்ணன்/Krishnan', 'முருகன்/Murugan', 'ராஜா/Raja', 'செல்வம்/Selvam', 'குமார்/Kumar', 'சிவா/Siva', 'ரவி/Ravi',
    'கணேசன்/Ganesan', 'சுப்பிரமணியம்/Subramaniam', 'தர்ஷன்/Tharshan', 'சுரேஷ்/Suresh', 'நிமலன்/Nimalan',
    'ஜெயக்குமார்/Jeyakumar', 'பாலசுப்பிரமணியம்/Balasubramaniam',
  ),
  female: pairs(
    'லட்சுமி/Lakshmi', 'மீனா/Meena', 'கவிதா/Kavitha', 'சரஸ்வதி/Saraswathy', 'பிரியா/Priya', 'தர்ஷினி/Tharshini',
    'வசந்தி/Vasanthy', 'கலா/Kala', 'சுமதி/Sumathy', 'நிர்மலா/Nirmala', 'ஜெயந்தி/Jeyanthy',
  ),
  surnames: [],
  lineage: 'patronymic',
  depth: 1,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0.04,
};

/** India (Punjabi Sikh): Singh / Kaur, often followed by the clan name (ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ ਗਿੱਲ / Gurpreet Singh Gill). */
export const punjabi: NameCulture = {
  male: pairs('ਗੁਰਪ੍ਰੀਤ/Gurpreet', 'ਹਰਪ੍ਰੀਤ/Harpreet', 'ਮਨਜੀਤ/Manjit', 'ਜਸਵਿੰਦਰ/Jaswinder', 'ਕੁਲਦੀਪ/Kuldeep', 'ਪਰਮਜੀਤ/Paramjit', 'ਅਮਨਦੀਪ/Amandeep', 'ਸੁਖਵਿੰਦਰ/Sukhwinder', 'ਰਾਜਵਿੰਦਰ/Rajwinder', 'ਬਲਜੀਤ/Baljit'),
  female: pairs('ਹਰਪ੍ਰੀਤ/Harpreet', 'ਮਨਜੀਤ/Manjit', 'ਜਸਵਿੰਦਰ/Jaswinder', 'ਅਮਨਦੀਪ/Amandeep', 'ਸਿਮਰਨ/Simran', 'ਨਵਨੀਤ/Navneet', 'ਰਾਜਵਿੰਦਰ/Rajwinder', 'ਪਰਮਜੀਤ/Paramjit'),
  surnames: pairs('ਗਿੱਲ/Gill', 'ਸੰਧੂ/Sandhu', 'ਢਿੱਲੋਂ/Dhillon', 'ਸਿੱਧੂ/Sidhu', 'ਗਰੇਵਾਲ/Grewal', 'ਬਰਾੜ/Brar'),
  lineage: 'sikh',
  depth: 1,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0.02,
};

/** The Sikh name words, used by the `sikh` lineage. */
export const singh = pairs('ਸਿੰਘ/Singh')[0] ?? { w: 'ਸਿੰਘ', l: 'Singh' };
export const kaur = pairs('ਕੌਰ/Kaur')[0] ?? { w: 'ਕੌਰ', l: 'Kaur' };

/** Pakistan: written in Urdu (Nastaliq letters such as ہ and ی), family name last. */
export const urdu: NameCulture = {
  male: pairs('محمد/Muhammad', 'محمد علی/Muhammad Ali', 'علی/Ali', 'احمد/Ahmed', 'عمران/Imran', 'عثمان/Usman', 'بلال/Bilal', 'فیصل/Faisal', 'کامران/Kamran', 'طارق/Tariq', 'شاہد/Shahid'),
  female: pairs('فاطمہ/Fatima', 'عائشہ/Ayesha', 'صائمہ/Saima', 'نازیہ/Nazia', 'رابعہ/Rabia', 'ثنا/Sana', 'مہوش/Mehwish', 'شازیہ/Shazia'),
  surnames: pairs('خان/Khan', 'حسین/Hussain', 'قریشی/Qureshi', 'بٹ/Butt', 'ملک/Malik', 'چوہدری/Chaudhry', 'شاہ/Shah', 'رضا/Raza', 'اعوان/Awan', 'شیخ/Sheikh', 'مرزا/Mirza'),
  lineage: 'paternal',
  depth: 1,
  familyFirst: false,
  joinWritten: ' ',
  oneWordShare: 0,
};
